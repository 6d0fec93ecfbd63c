"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type UseFormRegisterReturn } from "react-hook-form";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import type { z } from "zod";
import { conflictCurrent } from "@/components/forms/conflict";
import { summaryErrors } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useVersionedEdit, VersionConflicts } from "@/components/forms/versioned-edit";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FieldError } from "@/components/ui/field-frame";
import { RadioGroup } from "@/components/ui/radio-group";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { messageRef } from "@/lib/i18n/message-ref";
import { type CheckKey, READINESS_CHECKS, REFLECTION_CHECKS, REFLECTION_VALUES, UNDERSTANDING_CHECKS } from "@/lib/vocabulary/reflection";
import type { ReflectionView, TReflectionFields, ZReflectionView } from "@/lib/reflection";
import { opinionChoiceName, type OpinionChoice } from "./opinion-choice";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

const ANSWERS = ["yes", "no", "unanswered"] as const;
type Answer = (typeof ANSWERS)[number];
const RISK_CHOICES = ["1", "2", "3", "4", "5", "none"] as const;

/**
 * The form's own shape: radios and selects hold strings; they become numbers, booleans and nulls on the
 * way out. Built from zod when the form first validates (lazyZodResolver), so zod is not in the first load.
 */
function reflectionFormSchema({ z }: typeof import("zod"), { ZReflectionFields }: typeof import("@/lib/reflection")) {
  const zAnswer = z.enum(ANSWERS);
  return ZReflectionFields.pick({ values: true, valuesOther: true, practical: true, communication: true }).extend({
    riskComfort: z.enum(RISK_CHOICES, messageRef("decision.validation.chooseRiskOrNone")),
    communicationOpinionId: z.string(),
    feelSure: zAnswer,
    knowBenefitsRisks: zAnswer,
    clearOnPriorities: zAnswer,
    enoughSupport: zAnswer,
    canSayWhat: zAnswer,
    canSayWhy: zAnswer,
    canSayAlternatives: zAnswer,
  });
}
type TReflectionForm = z.input<ReturnType<typeof reflectionFormSchema>>;

const CHECK_KEYS = REFLECTION_CHECKS.map((c) => c.key);

const FIELDS = [
  "values",
  "valuesOther",
  "riskComfort",
  "practical",
  "communication",
  "communicationOpinionId",
  ...CHECK_KEYS,
] as const satisfies readonly (keyof TReflectionForm)[];

const toAnswer = (value: boolean | null): Answer => (value === true ? "yes" : value === false ? "no" : "unanswered");
const fromAnswer = (value: Answer): boolean | null => (value === "yes" ? true : value === "no" ? false : null);

function toForm(r: ReflectionView | null, opinionIds: string[]): TReflectionForm {
  return {
    values: r?.values ?? [],
    valuesOther: r?.valuesOther ?? "",
    riskComfort: r?.riskComfort ? (String(r.riskComfort) as TReflectionForm["riskComfort"]) : "none",
    practical: r?.practical ?? "",
    communication: r?.communication ?? "",
    // An opinion deleted since is simply not chosen any more.
    communicationOpinionId: r?.communicationOpinionId && opinionIds.includes(r.communicationOpinionId) ? r.communicationOpinionId : "",
    feelSure: toAnswer(r?.feelSure ?? null),
    knowBenefitsRisks: toAnswer(r?.knowBenefitsRisks ?? null),
    clearOnPriorities: toAnswer(r?.clearOnPriorities ?? null),
    enoughSupport: toAnswer(r?.enoughSupport ?? null),
    canSayWhat: toAnswer(r?.canSayWhat ?? null),
    canSayWhy: toAnswer(r?.canSayWhy ?? null),
    canSayAlternatives: toAnswer(r?.canSayAlternatives ?? null),
  };
}

function toFields(form: TReflectionForm): TReflectionFields {
  return {
    values: form.values,
    valuesOther: form.valuesOther,
    riskComfort: form.riskComfort === "none" ? null : Number(form.riskComfort),
    practical: form.practical,
    communication: form.communication,
    communicationOpinionId: form.communicationOpinionId || null,
    feelSure: fromAnswer(form.feelSure),
    knowBenefitsRisks: fromAnswer(form.knowBenefitsRisks),
    clearOnPriorities: fromAnswer(form.clearOnPriorities),
    enoughSupport: fromAnswer(form.enoughSupport),
    canSayWhat: fromAnswer(form.canSayWhat),
    canSayWhy: fromAnswer(form.canSayWhy),
    canSayAlternatives: fromAnswer(form.canSayAlternatives),
  };
}


const ID = "my-reflection";

/** Yes / No / Not answered yet for one check, laid out in a row. */
function AnswerGroup({ id, legend, error, inputProps }: { id: string; legend: string; error?: string; inputProps: UseFormRegisterReturn }) {
  const t = useTranslations("decision.answers");
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId} className="flex flex-col gap-2">
      <legend className="mb-1 font-semibold">{legend}</legend>
      <FieldError id={errorId}>{error}</FieldError>
      <div className="flex flex-wrap gap-2">
        {ANSWERS.map((answer) => (
          <label
            key={answer}
            htmlFor={`${id}-${answer}`}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2 has-checked:border-brand-600 has-checked:bg-brand-50"
          >
            <input {...inputProps} id={`${id}-${answer}`} type="radio" value={answer} className="size-5 shrink-0 accent-brand-600" />
            {t(answer)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The signed-in owner's or supporter's own reflection. Versioned like every editable text: the first
 * save names version 0; if a newer version was saved elsewhere, the person's answers stay in the form
 * and they see the saved version beside them.
 */
export function ReflectionForm({ caseId, mine, opinions }: { caseId: string; mine: ReflectionView | null; opinions: OpinionChoice[] }) {
  const t = useTranslations("decision");
  const client = useTRPCClient();
  const opinionIds = opinions.map((o) => o.id);
  const answerText = (value: boolean | null) => t(`answers.${toAnswer(value)}`);
  const riskOptions = [
    { value: "1", label: t("risk.lowOption"), description: t("risk.lowDescription") },
    { value: "2", label: "2" },
    { value: "3", label: t("risk.middleOption") },
    { value: "4", label: "4" },
    { value: "5", label: t("risk.highOption"), description: t("risk.highDescription") },
    { value: "none", label: t("risk.notAnswered") },
  ];
  const [saved, setSaved] = useState(false);
  const form = useForm<TReflectionForm>({
    resolver: lazyZodResolver(() => Promise.all([import("zod"), import("@/lib/reflection")]).then(([zod, lib]) => reflectionFormSchema(zod, lib))),
    defaultValues: toForm(mine, opinionIds),
    shouldFocusError: false,
  });
  const save = useCaseMutation(client.reflection.save.mutate);
  const draft = useDraft(form, { caseId, name: "reflection", fields: ["valuesOther", "practical", "communication"] });
  const { errors, isSubmitting } = form.formState;
  // The form stays open after a save, and that save is the version the next one edits: the edit
  // follows this form's own saves only, taking each quietly and leaving the answers as typed. A
  // version saved elsewhere (another tab) shows when a save is refused, as before.
  const [ownSave, setOwnSave] = useState<ReflectionView | null>(null);
  const edit = useVersionedEdit<ReflectionView>({
    saved: ownSave,
    initialVersion: mine?.version ?? 0,
    isDirty: false,
    load: (row) => {
      if (row !== ownSave) form.reset(toForm(row, opinionIds));
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await save.run(
      { caseId, ...toFields(values), version: edit.baseVersion },
      { form: { setError: form.setError, fields: FIELDS }, conflict: (error) => edit.refusedBy(conflictCurrent<typeof ZReflectionView>(error)) },
    );
    if (!result.ok) return;
    setOwnSave(result.data);
    edit.saved();
    draft.saved();
    setSaved(true);
  });

  const opinionLabel = (id: string | null) => {
    const opinion = id ? opinions.find((o) => o.id === id) : undefined;
    return opinion ? opinionChoiceName(opinion) : "";
  };

  const fieldIds: Partial<Record<keyof TReflectionForm, string>> = {
    values: `${ID}-value-${REFLECTION_VALUES[0]}`,
    valuesOther: `${ID}-values-other`,
    riskComfort: `${ID}-risk-1`,
    practical: `${ID}-practical`,
    communicationOpinionId: `${ID}-communication-opinion`,
    communication: `${ID}-communication`,
  };
  for (const key of CHECK_KEYS) fieldIds[key] = `${ID}-${key}-yes`;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6" onChange={() => setSaved(false)}>
      <ErrorSummary errors={summaryErrors(errors, fieldIds, save.message)} />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <VersionConflicts
        edit={edit}
        rows={(theirs) => [
          [t("reflection.conflict.values"), [...theirs.values.map((v) => t(`values.${v}`)), theirs.valuesOther].filter(Boolean).join("; ")],
          [t("reflection.conflict.risk"), theirs.riskComfort ? String(theirs.riskComfort) : ""],
          [t("reflection.conflict.practical"), theirs.practical],
          [t("reflection.conflict.communicationOpinion"), opinionLabel(theirs.communicationOpinionId)],
          [t("reflection.conflict.communication"), theirs.communication],
          ...REFLECTION_CHECKS.map((check): [string, string] => [t(`checks.${check.key}`), answerText(theirs[check.key])]),
        ]}
      />

      <fieldset id="reflection-values" tabIndex={-1} className="flex scroll-mt-4 flex-col gap-3" aria-describedby={errors.values ? `${ID}-values-error` : undefined}>
        <legend className="mb-1 text-lg font-semibold">{t("reflection.valuesLegend")}</legend>
        <p className="-mt-2 text-sm text-muted">{t("reflection.valuesHint")}</p>
        <FieldError id={errors.values ? `${ID}-values-error` : undefined}>{errors.values?.message}</FieldError>
        {REFLECTION_VALUES.map((value) => (
          <Checkbox key={value} id={`${ID}-value-${value}`} label={t(`values.${value}`)} value={value} {...form.register("values")} />
        ))}
        <TextArea
          id={`${ID}-values-other`}
          label={t("reflection.valuesOther")}
          rows={2}
          error={errors.valuesOther?.message}
          {...form.register("valuesOther")}
        />
      </fieldset>

      <div className="flex flex-col gap-2">
        <RadioGroup
          id={`${ID}-risk`}
          legend={t("risk.legend")}
          options={riskOptions}
          error={errors.riskComfort?.message}
          inputProps={form.register("riskComfort")}
        />
      </div>

      <TextArea
        id={`${ID}-practical`}
        label={t("reflection.practical")}
        hint={t("reflection.practicalHint")}
        rows={3}
        error={errors.practical?.message}
        {...form.register("practical")}
      />

      <SelectField
        id={`${ID}-communication-opinion`}
        label={t("reflection.communicationOpinion")}
        options={[{ value: "", label: t("reflection.notChosen") }, ...opinions.map((o) => ({ value: o.id, label: opinionChoiceName(o) }))]}
        error={errors.communicationOpinionId?.message}
        {...form.register("communicationOpinionId")}
      />
      <TextArea
        id={`${ID}-communication`}
        label={t("reflection.communication")}
        rows={2}
        error={errors.communication?.message}
        {...form.register("communication")}
      />

      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 text-lg font-semibold">{t("reflection.readiness")}</legend>
        <p className="text-sm text-muted">{t("reflection.readinessHint")}</p>
        {READINESS_CHECKS.map((check) => (
          <AnswerGroup key={check.key} id={`${ID}-${check.key}`} legend={t(`checks.${check.key}`)} error={errors[check.key as CheckKey]?.message} inputProps={form.register(check.key)} />
        ))}
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 text-lg font-semibold">{t("reflection.understanding")}</legend>
        {UNDERSTANDING_CHECKS.map((check) => (
          <AnswerGroup key={check.key} id={`${ID}-${check.key}`} legend={t(`checks.${check.key}`)} error={errors[check.key as CheckKey]?.message} inputProps={form.register(check.key)} />
        ))}
      </fieldset>

      <div className="flex flex-col gap-2">
        <div>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? t("reflection.submitting") : t("reflection.submit")}
          </Button>
        </div>
        <p role="status" className="font-semibold text-brand-700 empty:hidden">
          {saved ? t("reflection.saved") : ""}
        </p>
      </div>
    </form>
  );
}
