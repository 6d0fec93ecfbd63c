import { PRIORITY_QUESTIONS_MAX, PRIORITY_QUESTIONS_MIN } from "@/lib/vocabulary/question";

/** How many questions are pinned, with a gentle hint when it is outside the suggested range. Never blocks. */
export function PrioritySummary({ pinned, total, canEdit }: { pinned: number; total: number; canEdit: boolean }) {
  let hint: string;
  if (pinned === 0) {
    hint =
      total === 0
        ? "Once there are questions on the list, you can mark the ones that matter most as a priority."
        : canEdit
          ? "Mark the questions that matter most as a priority (under each question's “More actions” button). They are shown first, and they are the ones to ask if time runs short."
          : "No question is marked as a priority yet.";
  } else if (pinned < PRIORITY_QUESTIONS_MIN) {
    hint = `You could mark a few more. ${PRIORITY_QUESTIONS_MIN} to ${PRIORITY_QUESTIONS_MAX} priorities help you make the most of a short appointment.`;
  } else if (pinned > PRIORITY_QUESTIONS_MAX) {
    hint = `That is more than ${PRIORITY_QUESTIONS_MAX}. Appointments are often short, so you might unmark a few to keep the most important ones in front.`;
  } else {
    hint = "A good number to focus on. These are the ones to ask first.";
  }
  return (
    <div className="flex flex-col gap-1 rounded-xl border border-slate-200 bg-white p-5">
      <p className="text-lg">
        <strong>{pinned} pinned</strong> — we suggest {PRIORITY_QUESTIONS_MIN} to {PRIORITY_QUESTIONS_MAX}
      </p>
      <p className="text-muted">{hint}</p>
    </div>
  );
}
