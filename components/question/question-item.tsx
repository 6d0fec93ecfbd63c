"use client";
import { ArrowDown, ArrowUp, Pin, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { buttonClasses } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import { MoreActions } from "@/components/ui/more-actions";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ToggleButton } from "@/components/ui/toggle-button";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import type { QuestionView } from "@/lib/question";
import { DragHandleButton, type DragStore } from "./drag-handle";
import { shortText } from "./types";
import { onDemand } from "@/components/ui/on-demand";

// Loaded when opened: react-hook-form and the form stay out of the page's first load (decision 0023).
const QuestionAnswerForm = onDemand(() => import("./question-forms").then((m) => m.QuestionAnswerForm));
const QuestionTextForm = onDemand(() => import("./question-forms").then((m) => m.QuestionTextForm));

export type MoveDirection = "up" | "down";

/** The card's own controls: a little narrower than the standard button (same 44px height). */
const ITEM_BUTTON =
  "inline-flex min-h-11 items-center justify-center gap-1 rounded-lg border-2 border-slate-300 bg-white px-2.5 py-2 font-semibold text-ink hover:bg-slate-100 disabled:cursor-not-allowed disabled:border-slate-200 disabled:text-slate-400";

/** An action in the card's "more actions" panel: full width, text at the start. */
const MENU_BUTTON = `${ITEM_BUTTON} w-full justify-start`;

/** The id of an item's Move up / Move down button, so focus can follow the item after a move. */
export const moveButtonId = (questionId: string, direction: MoveDirection) => `move-${direction}-${questionId}`;

type Props = {
  /** The label of the opinion/visit the question is for, if any. */
  visitLabel?: string;
  caseId: string;
  question: QuestionView;
  position: number;
  count: number;
  canEdit: boolean;
  canMove: boolean;
  /** Where drag and drop, once loaded, leaves this card's handle props and position. */
  drag: DragStore;
  /** Someone reached for the handle before drag and drop loaded: load it now. */
  onWantDrag: () => void;
  onMove: (direction: MoveDirection) => void;
  onRemoved: () => void;
};

/** The flags as just chosen, until the refreshed question arrives (then the server's values count). */
type FlagOverride = { basis: QuestionView; pinned?: boolean; asked?: boolean };

/**
 * One question: its text, priority, asked/answered state and answer. For editors, one primary action
 * (record or edit the answer) and the Asked toggle, which is what is needed during the visit; the rest
 * (priority, wording, order, remove) sits behind "More actions", Remove last and apart.
 */
export function QuestionItem({ caseId, question, position, count, canEdit, canMove, drag, onWantDrag, onMove, onRemoved, visitLabel }: Props) {
  const t = useTranslations("questions.item");
  const client = useTRPCClient();
  const router = useRouter();
  const textId = useId();
  const answerPanelId = useId();
  const textPanelId = useId();
  const answerToggle = useRef<HTMLButtonElement>(null);
  // The text form and the remove step open from the menu, which is closed by then: focus returns to its button.
  const moreButton = useRef<HTMLButtonElement>(null);
  const [answering, setAnswering] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  useReturnFocus(confirmingRemove, moreButton);
  useReturnFocus(editing, moreButton);
  // The menu item that opened the text form is hidden with the menu: focus goes into the form instead.
  useEffect(() => {
    if (editing) document.getElementById(`question-${question.id}-text`)?.focus();
  }, [editing, question.id]);
  const [override, setOverride] = useState<FlagOverride | null>(null);
  const setPinned = useCaseMutation(client.question.setFlags.mutate);
  const setAsked = useCaseMutation(client.question.setFlags.mutate);
  const remove = useCaseMutation(client.question.delete.mutate);
  // One message under the controls: the last action's failure.
  const error = setPinned.message ?? setAsked.message ?? remove.message;
  const clearError = () => [setPinned, setAsked, remove].forEach((m) => m.setMessage(null));

  const dragging = useSyncExternalStore(drag.subscribe, () => drag.get(question.id), () => undefined);
  const current = override?.basis === question ? override : null;
  const pinned = current?.pinned ?? question.pinned;
  const asked = current?.asked ?? question.askedAt !== null;
  const answered = question.answer !== null;
  const label = shortText(question.text);

  const flag = async (which: "pinned" | "asked", value: boolean) => {
    const mutation = which === "pinned" ? setPinned : setAsked;
    // Not `disabled` while saving: a disabled button would drop keyboard focus.
    if (mutation.busy) return;
    clearError();
    setOverride({ ...current, basis: question, [which]: value });
    if ((await mutation.run({ caseId, id: question.id, [which]: value })).ok) return;
    setOverride(null);
    // Refused (e.g. removed meanwhile): show the question as it is now.
    router.refresh();
  };

  const closeAnswer = () => {
    setAnswering(false);
    answerToggle.current?.focus();
  };

  // Not <ConfirmAction>: Remove is styled as an item control, and once the question is gone focus goes to the list's heading.
  const onConfirmRemove = async () => {
    clearError();
    if ((await remove.run({ caseId, id: question.id, version: question.version })).ok) {
      onRemoved();
      return;
    }
    setConfirmingRemove(false);
    router.refresh();
  };

  const status = answered ? t("status.answered") : asked ? t("status.asked") : t("status.notAsked");

  return (
    <li
      ref={dragging?.setNodeRef}
      style={dragging?.style}
      aria-labelledby={textId}
      className={`relative rounded-xl border bg-white p-3 sm:p-4 ${pinned ? "border-l-8 border-brand-600" : "border-slate-200"} ${
        dragging?.isDragging ? "z-10 shadow-lg ring-4 ring-brand-600/40" : ""
      }`}
    >
      <div className="flex flex-col gap-3">
        <div className="flex items-start gap-2">
          <div className="flex flex-1 flex-wrap items-center gap-2 text-sm font-semibold">
            {canMove && (
              // Until drag and drop has loaded, reaching for the handle loads it.
              <DragHandleButton label={label} {...(dragging?.handle ?? { onPointerDown: onWantDrag, onFocus: onWantDrag })} />
            )}
            {pinned && (
              <span className="inline-flex items-center gap-1 rounded-full bg-brand-100 px-3 py-0.5 text-brand-800">
                <Pin aria-hidden className="size-4" />
                {t("priority")}
              </span>
            )}
            <span
              className={`rounded-full px-3 py-0.5 ${answered ? "bg-brand-600 text-white" : asked ? "bg-caution-bg text-caution" : "bg-slate-200 text-ink"}`}
            >
              {status}
            </span>
          </div>
          {canEdit && (
            <MoreActions label={t("moreActions", { question: label })} buttonRef={moreButton}>
              {(close) => (
                <>
                  <ToggleButton
                    aria-label={t("priorityLabel", { question: label })}
                    className="w-full justify-start"
                    pressed={pinned}
                    aria-busy={setPinned.busy || undefined}
                    onClick={() => void flag("pinned", !pinned)}
                  >
                    {t("priority")}
                  </ToggleButton>
                  <button
                    type="button"
                    className={MENU_BUTTON}
                    aria-label={t("editLabel", { question: label })}
                    onClick={() => {
                      close();
                      setEditing(true);
                    }}
                  >
                    {t("edit")}
                  </button>
                  {canMove && (
                    <>
                      <button
                        id={moveButtonId(question.id, "up")}
                        type="button"
                        className={MENU_BUTTON}
                        aria-label={t("moveUpLabel", { question: label })}
                        disabled={position === 1}
                        onClick={() => onMove("up")}
                      >
                        <ArrowUp aria-hidden className="size-5" />
                        {t("moveUp")}
                      </button>
                      <button
                        id={moveButtonId(question.id, "down")}
                        type="button"
                        className={MENU_BUTTON}
                        aria-label={t("moveDownLabel", { question: label })}
                        disabled={position === count}
                        onClick={() => onMove("down")}
                      >
                        <ArrowDown aria-hidden className="size-5" />
                        {t("moveDown")}
                      </button>
                    </>
                  )}
                  <div className="mt-1 border-t border-slate-200 pt-2">
                    <button
                      type="button"
                      className={MENU_BUTTON.replace("text-ink", "text-danger")}
                      aria-label={t("removeLabel", { question: label })}
                      onClick={() => {
                        close();
                        setConfirmingRemove(true);
                      }}
                    >
                      <Trash2 aria-hidden className="size-5" />
                      {t("remove")}
                    </button>
                  </div>
                </>
              )}
            </MoreActions>
          )}
        </div>
        <div className="flex min-w-0 flex-col gap-3">
          <p id={textId} className="whitespace-pre-wrap break-words text-lg font-semibold">
            {question.text}
          </p>
          <p className="text-sm text-muted">
            {t(question.bankKey ? "addedBySuggested" : "addedBy", { name: question.authorName ?? t("formerMember") })}
            {visitLabel && <> · {t("forVisit", { visit: visitLabel })}</>}
          </p>

          {answered && (
            <div className="flex flex-col gap-1 rounded-lg border-l-4 border-brand-600 bg-brand-50 p-3">
              <p className="font-semibold">{t("answer")}</p>
              <p className="whitespace-pre-wrap break-words">{question.answer}</p>
              {question.answeredAt && (
                <p className="text-sm text-muted">
                  {t.rich("recordedBy", {
                    name: question.answeredByName ?? t("formerMember"),
                    date: () => question.answeredAt && <LocalDate date={question.answeredAt} />,
                  })}
                </p>
              )}
            </div>
          )}

          {canEdit && (
            <div className="flex flex-wrap gap-2">
              <button
                ref={answerToggle}
                type="button"
                className={buttonClasses(answered ? "secondary" : "primary")}
                aria-label={t(answered ? "editAnswerLabel" : "recordAnswerLabel", { question: label })}
                aria-expanded={answering}
                aria-controls={answerPanelId}
                onClick={() => setAnswering((open) => !open)}
              >
                {answered ? t("editAnswer") : t("recordAnswer")}
              </button>
              <ToggleButton
                aria-label={t("askedLabel", { question: label })}
                pressed={asked}
                aria-busy={setAsked.busy || undefined}
                onClick={() => void flag("asked", !asked)}
              >
                {t("asked")}
              </ToggleButton>
            </div>
          )}

          {canEdit && (
            <div id={answerPanelId} hidden={!answering} className="border-t border-slate-200 pt-3 sm:rounded-lg sm:border sm:p-3">
              {answering && <QuestionAnswerForm caseId={caseId} question={question} onDone={closeAnswer} />}
            </div>
          )}
          {canEdit && (
            <div id={textPanelId} hidden={!editing} className="border-t border-slate-200 pt-3 sm:rounded-lg sm:border sm:p-3">
              {editing && <QuestionTextForm caseId={caseId} question={question} onDone={() => setEditing(false)} />}
            </div>
          )}
          {confirmingRemove && (
            <ConfirmStep
              danger
              question={
                <p>{answered ? t("removeWithAnswer") : t("removeConfirm")}</p>
              }
              confirmLabel={t("removeYes")}
              busyLabel={t("removing")}
              busy={remove.busy || remove.succeeded}
              onConfirm={() => void onConfirmRemove()}
              onCancel={() => setConfirmingRemove(false)}
            />
          )}

          <InlineError message={error} />
        </div>
      </div>
    </li>
  );
}
