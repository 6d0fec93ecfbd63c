"use client";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { serverFieldError } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { SelectField } from "@/components/ui/select-field";
import { CLARIFYING_QUESTION_KEYS, type ComparisonAspect } from "@/lib/vocabulary/comparison";
import type { ComparisonColumnView } from "@/lib/comparison";

type ClarifyingKey = (typeof CLARIFYING_QUESTION_KEYS)[number];

const isClarifyingKey = (value: string): value is ClarifyingKey => (CLARIFYING_QUESTION_KEYS as readonly string[]).includes(value);

/** The form under "Ask about this" (ask-about-row.tsx): a suggested question, and whom it is for. */
export function AskForm({
  caseId,
  aspect,
  opinions,
  idPrefix,
  onCancel,
}: {
  caseId: string;
  aspect: ComparisonAspect;
  opinions: ComparisonColumnView[];
  idPrefix: string;
  onCancel: () => void;
}) {
  const t = useTranslations("comparison.ask");
  const aspectLower = useTranslations("comparison.aspectLower");
  const bank = useTranslations("questions.bank");
  const questionOptions = CLARIFYING_QUESTION_KEYS.map((key) => ({ value: key, label: bank(key) }));
  const client = useTRPCClient();
  const [bankKey, setBankKey] = useState<ClarifyingKey>(CLARIFYING_QUESTION_KEYS[0]);
  const [opinionId, setOpinionId] = useState(opinions[0]?.id ?? "");
  const [error, setError] = useState<SummaryError | null>(null);
  const questionId = `${idPrefix}-question`;
  const opinionFieldId = `${idPrefix}-opinion`;
  const [added, setAdded] = useState<{ text: string; opinionId: string; label: string } | null>(null);
  const add = useCaseMutation(client.comparison.addClarifyingQuestion.mutate, { createsOnce: true });
  // A refusal about one of the two choices goes next to it; anything else is the mutation's message.
  const shown = error ?? (add.message ? { message: add.message } : null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    add.setMessage(null);
    setAdded(null);
    const opinion = opinions.find((o) => o.id === opinionId);
    if (!opinion) {
      setError({ fieldId: opinionFieldId, message: t("chooseClinician") });
      return;
    }
    const result = await add.run({ caseId, aspect, bankKey, opinionId });
    if (result.ok) {
      setAdded({ text: result.data.text, opinionId: opinion.id, label: opinion.label });
      return;
    }
    const aboutQuestion = serverFieldError(result.error, "bankKey");
    const aboutOpinion = serverFieldError(result.error, "opinionId");
    if (aboutQuestion) setError({ fieldId: questionId, message: aboutQuestion });
    else if (aboutOpinion) setError({ fieldId: opinionFieldId, message: aboutOpinion });
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3">
      <ErrorSummary errors={shown ? [shown] : []} title={t("notAdded")} />
      <SelectField
        id={questionId}
        label={t("question")}
        error={shown?.fieldId === questionId ? shown.message : undefined}
        options={questionOptions}
        value={bankKey}
        onChange={(e) => {
          if (isClarifyingKey(e.target.value)) setBankKey(e.target.value);
          setAdded(null);
        }}
      />
      <SelectField
        id={opinionFieldId}
        label={t("whom")}
        error={shown?.fieldId === opinionFieldId ? shown.message : undefined}
        options={opinions.map((o) => ({ value: o.id, label: o.clinician ? t("withClinician", { label: o.label, clinician: o.clinician }) : o.label }))}
        value={opinionId}
        onChange={(e) => {
          setOpinionId(e.target.value);
          setAdded(null);
        }}
      />
      <p className="text-sm">
        <span className="font-semibold">{t("willRead")}</span>
        {t("text", { aspect: aspectLower(aspect), question: questionOptions.find((q) => q.value === bankKey)?.label ?? "" })}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={add.busy}>
          {add.busy ? t("adding") : t("add")}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
      <div role="status" className="empty:hidden">
        {added && (
          <p className="text-sm">
            <span className="font-semibold text-brand-700">{t("added", { label: added.label })}</span>{" "}
            <Link href={`/cases/${caseId}/opinions/${added.opinionId}`}>{t("seeIt", { label: added.label })}</Link>
          </p>
        )}
      </div>
    </form>
  );
}
