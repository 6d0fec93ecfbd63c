"use client";
import { Checkbox } from "@/components/ui/checkbox";
import { SELF_CHECK_SITUATIONS, SELF_CHECK_SITUATION_LABELS, type SelfCheckSituation, TIMING_CAUTIONS, TIMING_CAUTION_LABELS, type TimingCaution } from "@/lib/vocabulary/self-check";

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
  return (
    <>
      <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 text-lg font-semibold">First: does timing matter right now?</legend>
        <p className="text-sm text-muted">Sometimes care cannot wait. Tick any that apply.</p>
        {TIMING_CAUTIONS.map((caution) => (
          <Checkbox
            key={caution}
            id={`${idPrefix}-caution-${caution}`}
            label={TIMING_CAUTION_LABELS[caution].label}
            hint={TIMING_CAUTION_LABELS[caution].explanation}
            checked={value.cautions.includes(caution)}
            disabled={disabled}
            onChange={(event) => onChange({ ...value, cautions: toggle(value.cautions, caution, event.target.checked) })}
          />
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 text-lg font-semibold">Which of these sound like your situation?</legend>
        <p className="text-sm text-muted">
          These are moments when people often look for another view. Tick as many or as few as you like.
        </p>
        {SELF_CHECK_SITUATIONS.map((situation) => (
          <Checkbox
            key={situation}
            id={`${idPrefix}-situation-${situation}`}
            label={SELF_CHECK_SITUATION_LABELS[situation].label}
            hint={SELF_CHECK_SITUATION_LABELS[situation].explanation}
            checked={value.situations.includes(situation)}
            disabled={disabled}
            onChange={(event) => onChange({ ...value, situations: toggle(value.situations, situation, event.target.checked) })}
          />
        ))}
      </fieldset>
    </>
  );
}
