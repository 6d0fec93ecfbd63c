"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { actionErrorMessage, serverFieldError } from "@/components/forms/form-errors";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { SelectField } from "@/components/ui/select-field";
import { CLARIFYING_QUESTION_KEYS, COMPARISON_ASPECT_LABELS, type ComparisonAspect } from "@/lib/comparison";
import { QUESTION_BANK } from "@/lib/question";
import type { GridOpinion } from "./grid-types";

type ClarifyingKey = (typeof CLARIFYING_QUESTION_KEYS)[number];

const QUESTION_OPTIONS = CLARIFYING_QUESTION_KEYS.map((key) => ({
  value: key,
  label: QUESTION_BANK.find((q) => q.key === key)?.text ?? key,
}));

const isClarifyingKey = (value: string): value is ClarifyingKey => (CLARIFYING_QUESTION_KEYS as readonly string[]).includes(value);

/**
 * "Ask about this": from one row of the grid, a clarifying question from the guide goes to the
 * question list for the chosen clinician in one step.
 */
export function AskAboutRow({ caseId, aspect, opinions, idPrefix }: { caseId: string; aspect: ComparisonAspect; opinions: GridOpinion[]; idPrefix: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const aspectLabel = COMPARISON_ASPECT_LABELS[aspect];
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button
          ref={toggle}
          variant="secondary"
          aria-label={`${open ? "Close" : "Ask about this"}: ${aspectLabel}`}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((v) => !v)}
        >
          {open ? "Close" : "Ask about this"}
        </Button>
      </div>
      <div id={panelId} hidden={!open}>
        {open && (
          <AskForm
            caseId={caseId}
            aspect={aspect}
            opinions={opinions}
            idPrefix={`${idPrefix}-ask-${aspect}`}
            onCancel={() => {
              setOpen(false);
              toggle.current?.focus();
            }}
          />
        )}
      </div>
    </div>
  );
}

function AskForm({
  caseId,
  aspect,
  opinions,
  idPrefix,
  onCancel,
}: {
  caseId: string;
  aspect: ComparisonAspect;
  opinions: GridOpinion[];
  idPrefix: string;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [bankKey, setBankKey] = useState<ClarifyingKey>(CLARIFYING_QUESTION_KEYS[0]);
  const [opinionId, setOpinionId] = useState(opinions[0]?.id ?? "");
  const [error, setError] = useState<SummaryError | null>(null);
  const questionId = `${idPrefix}-question`;
  const opinionFieldId = `${idPrefix}-opinion`;
  const [added, setAdded] = useState<{ text: string; opinionId: string; label: string } | null>(null);
  const add = useMutation(trpc.comparison.addClarifyingQuestion.mutationOptions());

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setAdded(null);
    const opinion = opinions.find((o) => o.id === opinionId);
    if (!opinion) {
      setError({ fieldId: opinionFieldId, message: "Choose which clinician to ask." });
      return;
    }
    add.mutate(
      { caseId, aspect, bankKey, opinionId },
      {
        onSuccess: (result) => {
          setAdded({ text: result.text, opinionId: opinion.id, label: opinion.label });
          router.refresh();
        },
        onError: (e) => {
          const aboutQuestion = serverFieldError(e, "bankKey");
          const aboutOpinion = serverFieldError(e, "opinionId");
          setError(
            aboutQuestion
              ? { fieldId: questionId, message: aboutQuestion }
              : aboutOpinion
                ? { fieldId: opinionFieldId, message: aboutOpinion }
                : { message: actionErrorMessage(e) },
          );
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3">
      <ErrorSummary errors={error ? [error] : []} title="This question was not added" />
      <SelectField
        id={questionId}
        label="Question to ask"
        error={error?.fieldId === questionId ? error.message : undefined}
        options={QUESTION_OPTIONS}
        value={bankKey}
        onChange={(e) => {
          if (isClarifyingKey(e.target.value)) setBankKey(e.target.value);
          setAdded(null);
        }}
      />
      <SelectField
        id={opinionFieldId}
        label="Whom to ask"
        error={error?.fieldId === opinionFieldId ? error.message : undefined}
        options={opinions.map((o) => ({ value: o.id, label: o.clinician ? `${o.label} (${o.clinician})` : o.label }))}
        value={opinionId}
        onChange={(e) => {
          setOpinionId(e.target.value);
          setAdded(null);
        }}
      />
      <p className="text-sm">
        <span className="font-semibold">It will read: </span>
        About &ldquo;{COMPARISON_ASPECT_LABELS[aspect].toLowerCase()}&rdquo;: {QUESTION_OPTIONS.find((q) => q.value === bankKey)?.label}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? "Adding…" : "Add to questions"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <div role="status" className="empty:hidden">
        {added && (
          <p className="text-sm">
            <span className="font-semibold text-brand-700">Added to the questions for {added.label}.</span>{" "}
            <Link href={`/cases/${caseId}/opinions/${added.opinionId}`}>See it with {added.label}</Link>
          </p>
        )}
      </div>
    </form>
  );
}
