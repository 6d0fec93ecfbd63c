"use client";
import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/checkbox";
import { SELF_CHECK_SITUATIONS, type SelfCheckSituation, TIMING_CAUTIONS, type TimingCaution } from "@/lib/vocabulary/self-check";

export type SelfCheckAnswers = { situations: SelfCheckSituation[]; cautions: TimingCaution[] };

const toggle = <T extends string>(list: T[], value: T, on: boolean): T[] =>
  on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

/**
 * The self-check's two groups of checkboxes: timing first (safety before anything else), then the
 * six situations. Controlled: the form around it owns the answers and shows the safety alert.
 */
export function SelfCheckFields({
  idPrefix,
  value,
  onChange,
  disabled = false,
}: {
  idPrefix: string;
  value: SelfCheckAnswers;
  onChange: (next: SelfCheckAnswers) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("selfCheck");
  return (
    <>
      <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 text-lg font-semibold">{t("fields.timingLegend")}</legend>
        <p className="text-sm text-muted">{t("fields.timingHint")}</p>
        {TIMING_CAUTIONS.map((caution) => (
          <Checkbox
            key={caution}
            id={`${idPrefix}-caution-${caution}`}
            label={t(`cautions.${caution}.label`)}
            hint={t(`cautions.${caution}.explanation`)}
            checked={value.cautions.includes(caution)}
            disabled={disabled}
            onChange={(event) => onChange({ ...value, cautions: toggle(value.cautions, caution, event.target.checked) })}
          />
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 text-lg font-semibold">{t("fields.situationsLegend")}</legend>
        <p className="text-sm text-muted">{t("fields.situationsHint")}</p>
        {SELF_CHECK_SITUATIONS.map((situation) => (
          <Checkbox
            key={situation}
            id={`${idPrefix}-situation-${situation}`}
            label={t(`situations.${situation}.label`)}
            hint={t(`situations.${situation}.explanation`)}
            checked={value.situations.includes(situation)}
            disabled={disabled}
            onChange={(event) => onChange({ ...value, situations: toggle(value.situations, situation, event.target.checked) })}
          />
        ))}
      </fieldset>
    </>
  );
}
