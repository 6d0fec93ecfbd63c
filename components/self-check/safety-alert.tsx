import { UrgentCareNotice } from "@/components/self-check/urgent-care-notice";
import { type TimingCaution, needsSafetyMessage } from "@/lib/vocabulary/self-check";

/**
 * The safety message for the self-check's timing answers. The `role="alert"` region is always in the
 * page and the message appears inside it the moment an emergency or delay answer is ticked (before
 * anything is saved), so a screen reader announces it at once. Forms place it before everything else.
 */
export function SafetyAlert({ cautions }: { cautions: readonly TimingCaution[] }) {
  return <div role="alert">{needsSafetyMessage(cautions) && <UrgentCareNotice />}</div>;
}
