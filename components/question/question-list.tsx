"use client";
import type { Announcements, DragEndEvent, UniqueIdentifier } from "@dnd-kit/core";
import { ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { createDragStore } from "./drag-handle";
import { moveButtonId, QuestionItem, type MoveDirection } from "./question-item";
import { SelectField } from "@/components/ui/select-field";
import type { QuestionView } from "@/lib/question";
import { matchesVisit, shortText, type VisitFilter, type VisitOption } from "./types";

/** A list this long starts with only the priority questions shown, so the page stays short on a phone. */
const SHORT_LIST = 10;

/** A new order chosen here, shown until the refreshed list (a new server `basis`) arrives, or undone on error. */
type PendingOrder = { basis: QuestionView[]; ids: string[] };

/**
 * The questions in their shared order, in groups: the priority ones first and always shown, then
 * the rest by where they stand (not asked, asked, answered), each group folded away on a long list and
 * rendered only once opened. A question stays in the group it was in when the page was opened, so
 * marking it asked or a priority never whisks it (and focus) away; the next visit regroups.
 *
 * Editors reorder within a group by dragging (pointer or keyboard, with dnd-kit's announcements) or
 * with Move up / Move down in each question's menu; other questions keep their places, and every move
 * saves the whole order at once, undone with a message if saving fails.
 */
export function QuestionList({
  caseId,
  questions,
  basis,
  canEdit,
  headingId,
  visits,
}: {
  caseId: string;
  /** The list as it is now, live changes included. */
  questions: QuestionView[];
  /** The list as the server last rendered it: a new one ends a pending order. */
  basis: QuestionView[];
  canEdit: boolean;
  /** The case's opinions/visits, for the visit filter and labels. */
  visits: VisitOption[];
  /** The section heading; focus goes there when a question is removed. */
  headingId: string;
}) {
  const t = useTranslations("questions.list");
  const client = useTRPCClient();
  const router = useRouter();
  const [visit, setVisit] = useState<VisitFilter>("all");
  const visitLabels = new Map(visits.map((v) => [v.id, v.label]));
  const [pending, setPending] = useState<PendingOrder | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [placed, setPlaced] = useState(() => new Map(questions.map((q) => [q.id, groupOf(q)])));
  const [opened, setOpened] = useState<ReadonlySet<GroupKey>>(() => new Set(questions.length <= SHORT_LIST ? GROUP_KEYS : []));
  const focusAfterMove = useRef<{ id: string; direction: MoveDirection } | null>(null);
  const reorder = useCaseMutation(client.question.reorder.mutate);
  const [sortable, setSortable] = useState<SortableModule | null>(null);
  const [dragStore] = useState(createDragStore);
  const loadingSortable = useRef(false);

  // Questions added since (here or by someone else) go where they stand now, and stay there.
  const unplaced = questions.filter((q) => !placed.has(q.id));
  if (unplaced.length > 0) setPlaced(new Map([...placed, ...unplaced.map((q) => [q.id, groupOf(q)] as const)]));

  const byId = new Map(questions.map((q) => [q.id, q]));
  const liveIds = questions.map((q) => q.id);
  // A pending order, with what changed live meanwhile: gone ones left out, new ones at the end.
  const allIds =
    pending?.basis === basis ? [...pending.ids.filter((id) => byId.has(id)), ...liveIds.filter((id) => !pending.ids.includes(id))] : liveIds;
  const ordered = allIds.map((id) => byId.get(id)).filter((q): q is QuestionView => q !== undefined);
  const visible = ordered.filter((q) => matchesVisit(q, visit));
  const groups = GROUP_KEYS.map((key) => {
    const items = visible.filter((q) => (placed.get(q.id) ?? groupOf(q)) === key);
    return { key, items, ids: items.map((q) => q.id) };
  });
  const groupIdsOf = (id: string) => groups.find((g) => g.ids.includes(id))?.ids ?? [];
  const canReorder = canEdit && groups.some((g) => g.items.length > 1);

  // Drag and drop (dnd-kit, ~15 KiB) is loaded on the first sign of a person at the page — a touch,
  // a pointer moving, a key — not with the page itself, and at once when someone reaches for a handle.
  const loadSortable = useCallback(() => {
    if (loadingSortable.current) return;
    loadingSortable.current = true;
    import("./question-sortable").then(
      (module) => setSortable(module),
      () => {
        loadingSortable.current = false;
      },
    );
  }, []);
  useEffect(() => {
    if (!canReorder) return;
    const events = ["pointerdown", "pointermove", "touchstart", "keydown", "scroll"] as const;
    const first = () => {
      events.forEach((name) => window.removeEventListener(name, first));
      loadSortable();
    };
    events.forEach((name) => window.addEventListener(name, first, { passive: true }));
    return () => events.forEach((name) => window.removeEventListener(name, first));
  }, [canReorder, loadSortable]);

  // After a Move up/down, keep focus with the moved question (on the other button if this one hit an end).
  // Kept until focus goes elsewhere: a refresh can briefly show the old order, disabling the focused button.
  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    const same = document.getElementById(moveButtonId(target.id, target.direction));
    const other = document.getElementById(moveButtonId(target.id, target.direction === "up" ? "down" : "up"));
    const active = document.activeElement;
    if (active && active !== document.body && active !== same && active !== other) {
      focusAfterMove.current = null;
      return;
    }
    if (active instanceof HTMLButtonElement && active !== document.body && !active.disabled) return;
    if (same instanceof HTMLButtonElement && !same.disabled) same.focus();
    else if (other instanceof HTMLButtonElement) other.focus();
  });

  /** Moves a question within its group; every other question keeps its place. Saves the whole order. */
  const move = async (groupIds: string[], from: number, to: number) => {
    if (from === to || from < 0 || to < 0 || to >= groupIds.length) return;
    const moved = [...groupIds];
    moved.splice(to, 0, ...moved.splice(from, 1));
    const inGroup = new Set(groupIds);
    let next = 0;
    const ids = allIds.map((id) => (inGroup.has(id) ? moved[next++]! : id));
    setPending({ basis, ids });
    if ((await reorder.run({ caseId, ids })).ok) return;
    setPending(null);
    setAnnouncement("");
    // The list may have changed underneath (the usual reason for a refusal): show it as it is now.
    router.refresh();
  };

  const onMoveButton = (question: QuestionView, groupIds: string[], index: number, direction: MoveDirection) => {
    const to = direction === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= groupIds.length) return;
    focusAfterMove.current = { id: question.id, direction };
    setAnnouncement(t("moved", { question: shortText(question.text), position: to + 1, count: groupIds.length }));
    void move(groupIds, index, to);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const groupIds = groupIdsOf(String(active.id));
    // Only within a group: a question's group says where it stands, which dragging does not change.
    if (!groupIds.includes(String(over.id))) return;
    void move(groupIds, groupIds.indexOf(String(active.id)), groupIds.indexOf(String(over.id)));
  };

  const nameOf = (id: UniqueIdentifier) => shortText(byId.get(String(id))?.text ?? "");
  // The question's name, and where `at` stands in its group (position and count).
  const spoken = (id: UniqueIdentifier, at: UniqueIdentifier = id) => {
    const groupIds = groupIdsOf(String(at));
    return { question: nameOf(id), position: groupIds.indexOf(String(at)) + 1, count: groupIds.length };
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("drag.pickedUp", spoken(active.id)),
    onDragOver: ({ active, over }) => (over ? t("drag.over", spoken(active.id, over.id)) : t("drag.outside", { question: nameOf(active.id) })),
    onDragEnd: ({ active, over }) => (over ? t("drag.dropped", spoken(active.id, over.id)) : t("drag.droppedUnchanged", { question: nameOf(active.id) })),
    onDragCancel: ({ active }) => t("drag.cancelled", spoken(active.id)),
  };

  const renderItems = (group: (typeof groups)[number], labelledBy: string) => (
    <ol aria-labelledby={labelledBy} className="flex flex-col gap-3">
        {group.items.map((question, index) => (
          <QuestionItem
            key={question.id}
            caseId={caseId}
            question={question}
            visitLabel={question.opinionId ? visitLabels.get(question.opinionId) : undefined}
            position={index + 1}
            count={group.items.length}
            canEdit={canEdit}
            canMove={canEdit && group.items.length > 1}
            drag={dragStore}
            onWantDrag={loadSortable}
            onMove={(direction) => onMoveButton(question, group.ids, index, direction)}
            onRemoved={() => document.getElementById(headingId)?.focus()}
          />
        ))}
    </ol>
  );

  return (
    <div className="flex flex-col gap-4">
      {questions.length > 0 && visits.length > 0 && (
        <SelectField
          id="question-visit-filter"
          label={t("visitFilter")}
          className="max-w-sm"
          value={visit}
          onChange={(e) => setVisit(e.target.value)}
          options={[
            { value: "all", label: t("allVisits") },
            { value: "none", label: t("noVisit") },
            ...visits.map((v) => ({ value: v.id, label: v.label })),
          ]}
        />
      )}
      {canReorder && (
        <p className="text-sm text-muted">
          {t("reorderHelp")}
        </p>
      )}
      <InlineError message={reorder.message && t("reorderFailed", { reason: reorder.message })} />
      <p role="status" className="sr-only">
        {announcement}
      </p>

      {visible.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-5 text-muted">
          {questions.length > 0 ? t("noneForVisit") : canEdit ? t("emptyEditor") : t("emptyReader")}
        </p>
      ) : (
        <>
          {sortable && (
            <sortable.QuestionSortable
              groups={groups.filter((g) => g.ids.length > 1 && (g.key === "priority" || opened.has(g.key))).map(({ key, ids }) => ({ key, ids }))}
              store={dragStore}
              announcements={announcements}
              instructions={t("drag.instructions")}
              onDragEnd={onDragEnd}
            />
          )}
          {groups.map((group) => {
            if (group.items.length === 0) return null;
            const titleId = `question-group-${group.key}`;
            const title = t("groupTitle", { title: t(`groups.${group.key}`), count: group.items.length });
            if (group.key === "priority") {
              return (
                <section key={group.key} aria-labelledby={titleId} className="flex flex-col gap-3">
                  <h3 id={titleId} className="text-xl font-semibold">
                    {title}
                  </h3>
                  {renderItems(group, titleId)}
                </section>
              );
            }
            const open = opened.has(group.key);
            return (
              <details
                key={group.key}
                open={open}
                onToggle={(event) => {
                  const nowOpen = event.currentTarget.open;
                  setOpened((was) => {
                    const next = new Set(was);
                    if (nowOpen) next.add(group.key);
                    else next.delete(group.key);
                    return next;
                  });
                }}
                className="group rounded-xl border border-slate-200 bg-slate-50"
              >
                <summary className="flex min-h-11 cursor-pointer items-center gap-2 rounded-xl px-4 py-3 text-lg font-semibold hover:bg-slate-100">
                  <ChevronRight aria-hidden className="size-5 shrink-0 transition-transform group-open:rotate-90" />
                  <span id={titleId}>{title}</span>
                </summary>
                {/* Rendered only once opened: a long list costs nothing until someone looks. */}
                {open && <div className="px-2 pb-3 sm:px-3">{renderItems(group, titleId)}</div>}
              </details>
            );
          })}
        </>
      )}
    </div>
  );
}

type SortableModule = typeof import("./question-sortable");

type GroupKey = "priority" | "not-asked" | "asked" | "answered";

/** The groups in the order shown; their titles are in the catalogue (questions.list.groups). */
const GROUP_KEYS: GroupKey[] = ["priority", "not-asked", "asked", "answered"];

/** Where a question stands: a priority first, whatever its state; then by asked and answered. */
function groupOf(question: QuestionView): GroupKey {
  if (question.pinned) return "priority";
  if (question.answer !== null) return "answered";
  return question.askedAt !== null ? "asked" : "not-asked";
}
