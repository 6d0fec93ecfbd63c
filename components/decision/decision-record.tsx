import { formatCalendarDate } from "@/components/forms/local-date-inputs";
import { LocalDate } from "@/components/ui/local-date";
import { DECISION_PATH_LABELS } from "@/lib/vocabulary/decision";
import type { DecisionView } from "@/lib/decision";

function Text({ text, empty }: { text: string; empty: string }) {
  return text ? <p className="whitespace-pre-wrap break-words">{text}</p> : <p className="text-muted">{empty}</p>;
}

/** One recorded version of the decision: the path, the reasons, next steps, its date and who recorded it. */
export function DecisionRecord({ decision }: { decision: DecisionView }) {
  return (
    <div className="flex flex-col gap-3">
      <p className="text-xl font-bold">{DECISION_PATH_LABELS[decision.path]}</p>
      <dl className="flex flex-col gap-3">
        <div>
          <dt className="font-semibold">Reasons</dt>
          <dd>
            <Text text={decision.reasons} empty="No reasons written." />
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Next steps</dt>
          <dd>
            <Text text={decision.nextSteps} empty="No next steps written." />
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Date of the decision</dt>
          <dd>{formatCalendarDate(decision.decidedOn)}</dd>
        </div>
      </dl>
      <p className="text-sm text-muted">
        Recorded by {decision.authorName ?? "a former member"} on <LocalDate date={decision.createdAt} withTime />
      </p>
    </div>
  );
}

/** The comments on one version of the decision, oldest first. */
export function DecisionCommentList({ decision }: { decision: DecisionView }) {
  if (decision.comments.length === 0) return <p className="text-muted">No comments yet.</p>;
  return (
    <ol aria-label="Comments" className="flex flex-col gap-2">
      {decision.comments.map((comment) => (
        <li key={comment.id} className="rounded-lg border border-slate-200 bg-slate-50 p-3">
          <p className="text-sm text-muted">
            <span className="font-semibold text-ink">{comment.authorName ?? "A former member"}</span>,{" "}
            <LocalDate date={comment.createdAt} withTime />
          </p>
          <p className="whitespace-pre-wrap break-words">{comment.body}</p>
        </li>
      ))}
    </ol>
  );
}
