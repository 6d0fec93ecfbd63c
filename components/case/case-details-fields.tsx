"use client";
import { useTranslations } from "next-intl";
import { useWatch, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { UrgentCareNotice } from "@/components/self-check/urgent-care-notice";
import type { TCaseDetails } from "@/lib/case";

export const CASE_DETAIL_FIELDS = ["patientName", "title", "understanding", "decision", "urgent"] as const;

/** The ids of the case detail inputs for a given prefix, for the error summary's links. */
export function caseDetailFieldIds(prefix: string): Record<(typeof CASE_DETAIL_FIELDS)[number], string> {
  return {
    patientName: `${prefix}-patient-name`,
    title: `${prefix}-title`,
    understanding: `${prefix}-understanding`,
    decision: `${prefix}-decision`,
    urgent: `${prefix}-urgent`,
  };
}

/** The fields of a case's details, shared by "Start a new case" and "Edit details". */
export function CaseDetailsFields({
  idPrefix,
  register,
  control,
  errors,
  showUrgentNotice = true,
}: {
  idPrefix: string;
  /** False where the page already shows the safety message (editing a case that is marked urgent). */
  showUrgentNotice?: boolean;
  register: UseFormRegister<TCaseDetails>;
  control: Control<TCaseDetails>;
  errors: FieldErrors<TCaseDetails>;
}) {
  const t = useTranslations("cases.details");
  const ids = caseDetailFieldIds(idPrefix);
  const urgent = useWatch({ control, name: "urgent" });
  return (
    <>
      <TextField
        id={ids.patientName}
        label={t("patientName")}
        hint={t("patientNameHint")}
        autoComplete="off"
        error={errors.patientName?.message}
        {...register("patientName")}
      />
      <TextField
        id={ids.title}
        label={t("title")}
        hint={t("titleHint")}
        autoComplete="off"
        error={errors.title?.message}
        {...register("title")}
      />
      <TextArea
        id={ids.understanding}
        label={t("understanding")}
        hint={t("understandingHint")}
        error={errors.understanding?.message}
        {...register("understanding")}
      />
      <TextArea
        id={ids.decision}
        label={t("decision")}
        hint={t("decisionHint")}
        rows={3}
        error={errors.decision?.message}
        {...register("decision")}
      />
      <Checkbox
        id={ids.urgent}
        label={t("urgent")}
        hint={t("urgentHint")}
        error={errors.urgent?.message}
        {...register("urgent")}
      />
      {urgent && showUrgentNotice && <UrgentCareNotice />}
    </>
  );
}
