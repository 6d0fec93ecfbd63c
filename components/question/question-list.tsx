"use client";
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { ToggleButton } from "@/components/ui/toggle-button";
import { moveButtonId, QuestionItem, type MoveDirection } from "./question-item";
import { SelectField } from "@/components/ui/select-field";
import type { QuestionView } from "@/lib/question";
import { matchesFilter, matchesVisit, shortText, type QuestionFilter, type VisitFilter, type VisitOption } from "./types";

const FILTERS: { value: QuestionFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "open", label: "Open" },
  { value: "answered", label: "Answered" },
];

const EMPTY: Record<QuestionFilter, { editor: string; reader: string }> = {
  all: {
    editor: "No questions yet. Write your own below, or start from the suggested questions.",
    reader: "No questions have been added yet.",
  },
  open: {
    editor: "Every question on the list has an answer recorded.",
    reader: "Every question on the list has an answer recorded.",
  },
  answered: {
    editor: "No answers recorded yet. After an appointment, record what was said next to each question.",
    reader: "No answers have been recorded yet.",
  },
};

const SCREEN_READER_INSTRUCTIONS =
  "To move this question, press Space or Enter to pick it up. Use the up and down arrow keys to move it, " +
  "then Space or Enter to put it down, or Escape to leave it where it was. " +
  "You can also use the Move up and Move down buttons.";

/** A new order chosen here, shown until the refreshed list (a new `basis`) arrives, or undone on error. */
type PendingOrder = { basis: QuestionView[]; ids: string[] };

/**
 * The questions in their shared order, filtered by state. Editors reorder by dragging (pointer or
 * keyboard, with dnd-kit's announcements) or with each item's Move up / Move down buttons; every move
 * saves the whole order at once, and is undone with a message if saving fails.
 */
export function QuestionList({
  caseId,
  questions,
  canEdit,
  headingId,
  visits,
}: {
  caseId: string;
  questions: QuestionView[];
  canEdit: boolean;
  /** The case's opinions/visits, for the visit filter and labels. */
  visits: VisitOption[];
  /** The section heading; focus goes there when a question is removed. */
  headingId: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [filter, setFilter] = useState<QuestionFilter>("all");
  const [visit, setVisit] = useState<VisitFilter>("all");
  const visitLabels = new Map(visits.map((v) => [v.id, v.label]));
  const [pending, setPending] = useState<PendingOrder | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const focusAfterMove = useRef<{ id: string; direction: MoveDirection } | null>(null);
  const reorder = useCaseMutation(trpc.question.reorder.mutationOptions());
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const byId = new Map(questions.map((q) => [q.id, q]));
  const allIds = pending?.basis === questions ? pending.ids : questions.map((q) => q.id);
  const ordered = allIds.map((id) => byId.get(id)).filter((q): q is QuestionView => q !== undefined);
  const visible = ordered.filter((q) => matchesFilter(q, filter) && matchesVisit(q, visit));
  const visibleIds = visible.map((q) => q.id);
  const counts: Record<QuestionFilter, number> = {
    all: questions.length,
    open: questions.filter((q) => matchesFilter(q, "open")).length,
    answered: questions.filter((q) => matchesFilter(q, "answered")).length,
  };
  const canMove = canEdit && visible.length > 1;

  // After a Move up/down, keep focus with the moved question (on the other button if this one hit an end).
  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = null;
    const same = document.getElementById(moveButtonId(target.id, target.direction));
    const other = document.getElementById(moveButtonId(target.id, target.direction === "up" ? "down" : "up"));
    if (same instanceof HTMLButtonElement && !same.disabled) same.focus();
    else if (other instanceof HTMLButtonElement) other.focus();
  });

  /** Moves a visible question; hidden ones (other filter) keep their places. Saves the whole order. */
  const move = async (from: number, to: number) => {
    if (from === to || from < 0 || to < 0 || to >= visibleIds.length) return;
    const newVisible = arrayMove(visibleIds, from, to);
    const shown = new Set(visibleIds);
    let next = 0;
    const ids = allIds.map((id) => (shown.has(id) ? newVisible[next++]! : id));
    setPending({ basis: questions, ids });
    if ((await reorder.run({ caseId, ids })).ok) return;
    setPending(null);
    setAnnouncement("");
    // The list may have changed underneath (the usual reason for a refusal): show it as it is now.
    router.refresh();
  };

  const onMoveButton = (question: QuestionView, index: number, direction: MoveDirection) => {
    const to = direction === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= visible.length) return;
    focusAfterMove.current = { id: question.id, direction };
    setAnnouncement(`Moved “${shortText(question.text)}” to position ${to + 1} of ${visible.length}.`);
    void move(index, to);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    void move(visibleIds.indexOf(String(active.id)), visibleIds.indexOf(String(over.id)));
  };

  const nameOf = (id: UniqueIdentifier) => `“${shortText(byId.get(String(id))?.text ?? "")}”`;
  const positionOf = (id: UniqueIdentifier) => `position ${visibleIds.indexOf(String(id)) + 1} of ${visibleIds.length}`;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up the question ${nameOf(active.id)}, at ${positionOf(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `${nameOf(active.id)} is now at ${positionOf(over.id)}.` : `${nameOf(active.id)} is outside the list.`,
    onDragEnd: ({ active, over }) =>
      over ? `Put down ${nameOf(active.id)} at ${positionOf(over.id)}.` : `Put down ${nameOf(active.id)}; the order did not change.`,
    onDragCancel: ({ active }) => `Moving cancelled. ${nameOf(active.id)} is back at ${positionOf(active.id)}.`,
  };

  return (
    <div className="flex flex-col gap-4">
      {questions.length > 0 && (
        <div role="group" aria-labelledby="question-filter-label" className="flex flex-wrap items-center gap-2">
          <span id="question-filter-label" className="font-semibold">
            Show
          </span>
          {FILTERS.map(({ value, label }) => (
            <ToggleButton key={value} pressed={filter === value} onClick={() => setFilter(value)}>
              {label} ({counts[value]})
            </ToggleButton>
          ))}
        </div>
      )}
      {questions.length > 0 && visits.length > 0 && (
        <SelectField
          id="question-visit-filter"
          label="For which visit"
          className="max-w-sm"
          value={visit}
          onChange={(e) => setVisit(e.target.value)}
          options={[
            { value: "all", label: "All visits" },
            { value: "none", label: "Not tied to a visit" },
            ...visits.map((v) => ({ value: v.id, label: v.label })),
          ]}
        />
      )}
      {canMove && (
        <p className="text-sm text-muted">
          To change the order, use Move up and Move down, or drag a question by its handle.
          {(filter !== "all" || visit !== "all") && " Questions not shown keep their places."}
        </p>
      )}
      <InlineError message={reorder.message && `The new order was not saved, so the list is back as it was. ${reorder.message}`} />
      <p role="status" className="sr-only">
        {announcement}
      </p>

      {visible.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-5 text-muted">
          {canEdit ? EMPTY[filter].editor : EMPTY[filter].reader}
        </p>
      ) : (
        <DndContext
          id="question-order"
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: { draggable: SCREEN_READER_INSTRUCTIONS } }}
        >
          <SortableContext items={visibleIds} strategy={verticalListSortingStrategy}>
            <ol aria-labelledby={headingId} className="flex flex-col gap-3">
              {visible.map((question, index) => (
                <QuestionItem
                  key={question.id}
                  caseId={caseId}
                  question={question}
                  visitLabel={question.opinionId ? visitLabels.get(question.opinionId) : undefined}
                  position={index + 1}
                  count={visible.length}
                  canEdit={canEdit}
                  canMove={canMove}
                  onMove={(direction) => onMoveButton(question, index, direction)}
                  onRemoved={() => document.getElementById(headingId)?.focus()}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
    </div>
  );
}
