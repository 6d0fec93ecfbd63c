/**
 * The activity log in a reader's words: an action or a run of one ("wrote 10 notes"), and an entry's
 * summary. Summaries are stored as message references (lib/i18n/message-ref.ts) so that each member reads
 * them in their own language; entries written before that are plain English and shown as they are.
 */
import "server-only";
import type { AnyLocale } from "@/lib/i18n/locales";
import { isActivityAction, type RunLabel } from "@/lib/activity";
import { translateRef, translatorFor } from "@/server/i18n/translator";

/** Words for `count` entries of one action, in `locale`; an action the catalogue lacks is shown by its key. */
export function activityLabeller(locale: AnyLocale): RunLabel {
  const t = translatorFor(locale);
  return (action, count) => {
    if (isActivityAction(action)) return t(`activity.actions.${action}`, { count });
    return count === 1 ? action : t("activity.unknownRun", { action, count });
  };
}

/** A stored summary in `locale`. */
export function activitySummary(summary: string, locale: AnyLocale): string {
  return translateRef(summary, locale);
}
