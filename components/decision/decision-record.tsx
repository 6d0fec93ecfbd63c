import { useLocale, useTranslations } from "next-intl";
import { LocalDate } from "@/components/ui/local-date";
import type { DecisionView } from "@/lib/decision";

function Text({ text, empty }: { text: string; empty: string }) {
  return text ? <p className="whitespace-pre-wrap break-words">{text}</p> : <p className="text-muted">{empty}</p>;
}

/** "2026-05-10" (a calendar day with no time zone, as the decision stores it) in the reader's language. */
function calendarDate(value: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** One recorded version of the decision: the path, the reasons, next steps, its date and who recorded it. */
export function DecisionRecord({ decision }: { decision: DecisionView }) {
  const t = useTranslations("decision");
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-3">
      <p className="text-xl font-bold">{t(`paths.${decision.path}`)}</p>
      <dl className="flex flex-col gap-3">
        <div>
          <dt className="font-semibold">{t("record.reasons")}</dt>
          <dd>
            <Text text={decision.reasons} empty={t("record.noReasons")} />
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t("record.nextSteps")}</dt>
          <dd>
            <Text text={decision.nextSteps} empty={t("record.noNextSteps")} />
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t("record.date")}</dt>
          <dd>{calendarDate(decision.decidedOn, locale)}</dd>
        </div>
      </dl>
      <p className="text-sm text-muted">
        {t.rich("record.recordedBy", {
          name: decision.authorName ?? t("record.formerMember"),
          date: () => <LocalDate date={decision.createdAt} withTime />,
        })}
      </p>
    </div>
  );
}

/** The comments on one version of the decision, oldest first. */
export function DecisionCommentList({ decision }: { decision: DecisionView }) {
  const t = useTranslations("decision.record");
  if (decision.comments.length === 0) return <p className="text-muted">{t("noComments")}</p>;
  return (
    <ol aria-label={t("commentsLabel")} className="flex flex-col gap-2">
      {decision.comments.map((comment) => (
        <li key={comment.id} className="rounded-lg border border-slate-200 bg-slate-50 p-3">
          <p className="text-sm text-muted">
            {t.rich("commentMeta", {
              name: comment.authorName ?? t("formerMemberName"),
              author: (chunks) => <span className="font-semibold text-ink">{chunks}</span>,
              date: () => <LocalDate date={comment.createdAt} withTime />,
            })}
          </p>
          <p className="whitespace-pre-wrap break-words">{comment.body}</p>
        </li>
      ))}
    </ol>
  );
}
