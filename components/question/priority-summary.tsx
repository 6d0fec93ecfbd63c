import { useTranslations } from "next-intl";
import { PRIORITY_QUESTIONS_MAX, PRIORITY_QUESTIONS_MIN } from "@/lib/vocabulary/question";

/** How many questions are pinned, with a gentle hint when it is outside the suggested range. Never blocks. */
export function PrioritySummary({ pinned, total, canEdit }: { pinned: number; total: number; canEdit: boolean }) {
  const t = useTranslations("questions.priority");
  const range = { min: PRIORITY_QUESTIONS_MIN, max: PRIORITY_QUESTIONS_MAX };
  let hint: string;
  if (pinned === 0) {
    hint = total === 0 ? t("noneYet") : canEdit ? t("noneEditor") : t("noneReader");
  } else if (pinned < PRIORITY_QUESTIONS_MIN) {
    hint = t("tooFew", range);
  } else if (pinned > PRIORITY_QUESTIONS_MAX) {
    hint = t("tooMany", range);
  } else {
    hint = t("good");
  }
  return (
    <div className="flex flex-col gap-1 rounded-xl border border-slate-200 bg-white p-5">
      <p className="text-lg">{t.rich("summary", { pinned, ...range, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <p className="text-muted">{hint}</p>
    </div>
  );
}
