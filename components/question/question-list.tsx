"use client";
import type { Announcements, DragEndEvent, UniqueIdentifier } from "@dnd-kit/core";
import { ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { createDragStore } from "./drag-handle";
import { moveButtonId, QuestionItem, type MoveDirection } from "./question-item";
import { SelectField } from "@/components/ui/select-field";
import type { QuestionSummary, QuestionView } from "@/lib/question";
import { QUESTION_GROUPS, questionGroupOf, type QuestionGroup } from "@/lib/vocabulary/question";
import { openInAddress, questionsSearch, SUGGESTIONS } from "./question-groups";
import { matchesVisit, shortText, type VisitFilter, type VisitOption } from "./types";

/** A new order chosen here, shown until the refreshed list (a new server `basis`) arrives, or undone on error. */
type PendingOrder = { basis: QuestionView[]; ids: string[] };

/**
 * The questions in their shared order, in groups: the priority ones first and always shown, then
 * the rest by where they stand (not asked, asked, answered), each group folded away on a long list:
 * the page sends a folded group's questions only once it is opened (`?open=`, question-groups.ts), and
 * the visit filter (`?visit=`) is the server's too. A question stays in the group it was in when the
 * page was opened, so marking it asked or a priority never whisks it (and focus) away; the next visit
 * regroups.
 *
 * Editors reorder within a group by dragging (pointer or keyboard, with dnd-kit's announcements) or
 * with Move up / Move down in each question's menu; other questions keep their places, and every move
 * saves the group's new order at once, undone with a message if saving fails.
 */
export function QuestionList({
  caseId,
  questions,
  basis,
  sent,
  summary,
  visit: renderedVisit,
  canEdit,
  headingId,
  visits,
}: {
  caseId: string;
  /** The list as it is now, live changes included. */
  questions: QuestionView[];
  /** The list as the server last rendered it: a new one ends a pending order. */
  basis: QuestionView[];
  /** The groups whose questions the page sent; the others are folded, with their counts in `summary`. */
  sent: QuestionGroup[];
  summary: QuestionSummary;
  /** The visit filter the page was rendered with. */
  visit: VisitFilter;
  canEdit: boolean;
  /** The case's opinions/visits, for the visit filter and labels. */
  visits: VisitOption[];
  /** The section heading; focus goes there when a question is removed. */
  headingId: string;
}) {
  const t = useTranslations("questions.list");
  const client = useTRPCClient();
  const router = useRouter();
  // The filter as just chosen: the loaded questions follow it at once, the folded groups' counts with the page.
  const [chosen, setChosen] = useState({ rendered: renderedVisit, visit: renderedVisit });
  let visit = chosen.visit;
  if (chosen.rendered !== renderedVisit) {
    visit = renderedVisit;
    setChosen({ rendered: renderedVisit, visit });
  }
  const visitLabels = new Map(visits.map((v) => [v.id, v.label]));
  const [pending, setPending] = useState<PendingOrder | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [placed, setPlaced] = useState(() => new Map(questions.map((q) => [q.id, questionGroupOf(q)])));
  const [opened, setOpened] = useState<ReadonlySet<QuestionGroup>>(() => new Set(sent));
  const focusAfterMove = useRef<{ id: string; direction: MoveDirection } | null>(null);
  const reorder = useCaseMutation(client.question.reorder.mutate);
  const [sortable, setSortable] = useState<SortableModule | null>(null);
  const [dragStore] = useState(createDragStore);
  const loadingSortable = useRef(false);

  // Questions added since (here or by someone else) go where they stand now, and stay there.
  const unplaced = questions.filter((q) => !placed.has(q.id));
  if (unplaced.length > 0) setPlaced(new Map([...placed, ...unplaced.map((q) => [q.id, questionGroupOf(q)] as const)]));

  const byId = new Map(questions.map((q) => [q.id, q]));
  const liveIds = questions.map((q) => q.id);
  // A pending order, with what changed live meanwhile: gone ones left out, new ones at the end.
  const allIds =
    pending?.basis === basis ? [...pending.ids.filter((id) => byId.has(id)), ...liveIds.filter((id) => !pending.ids.includes(id))] : liveIds;
  const ordered = allIds.map((id) => byId.get(id)).filter((q): q is QuestionView => q !== undefined);
  const visible = ordered.filter((q) => matchesVisit(q, visit));
  const groups = QUESTION_GROUPS.map((key) => {
    const isSent = sent.includes(key);
    const items = isSent ? visible.filter((q) => (placed.get(q.id) ?? questionGroupOf(q)) === key) : [];
    return { key, isSent, items, ids: items.map((q) => q.id), count: isSent ? items.length : summary.counts[key] };
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

  /** Moves a question within its group; every other question keeps its place. Saves the group's order. */
  const move = async (groupIds: string[], from: number, to: number) => {
    if (from === to || from < 0 || to < 0 || to >= groupIds.length) return;
    const moved = [...groupIds];
    moved.splice(to, 0, ...moved.splice(from, 1));
    const inGroup = new Set(groupIds);
    let next = 0;
    setPending({ basis, ids: allIds.map((id) => (inGroup.has(id) ? moved[next++]! : id)) });
    if ((await reorder.run({ caseId, ids: moved })).ok) return;
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

  /**
   * Keeps the page's address in step with what is shown (the suggestions' fold as it is there); `load`
   * asks the server for the page as it now is.
   */
  const showInAddress = (open: ReadonlySet<QuestionGroup>, shownVisit: VisitFilter, load: boolean) => {
    const suggestions = [...openInAddress()].filter((name) => name === SUGGESTIONS);
    const url = `/cases/${caseId}/questions${questionsSearch([...open, ...suggestions], shownVisit)}` as Route;
    if (load) router.replace(url, { scroll: false });
    else window.history.replaceState(null, "", url);
  };

  const shownCount = groups.reduce((sum, group) => sum + group.count, 0);

  // A group open here that the page no longer sends (a short list grew long, and a long one's groups
  // start folded): ask for it, rather than fold it under the person reading it.
  const loadOpenGroups = useEffectEvent(() => {
    if ([...opened].some((group) => !sent.includes(group))) showInAddress(opened, visit, true);
  });
  useEffect(() => loadOpenGroups(), [sent]);

  return (
    <div className="flex flex-col gap-4">
      {summary.total > 0 && visits.length > 0 && (
        <SelectField
          id="question-visit-filter"
          label={t("visitFilter")}
          className="max-w-sm"
          value={visit}
          onChange={(e) => {
            setChosen({ rendered: renderedVisit, visit: e.target.value });
            showInAddress(opened, e.target.value, true);
          }}
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

      {shownCount === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-5 text-muted">
          {summary.total > 0 ? t("noneForVisit") : canEdit ? t("emptyEditor") : t("emptyReader")}
        </p>
      ) : (
        <>
          {sortable && (
            <sortable.QuestionSortable
              groups={groups.filter((g) => g.ids.length > 1 && opened.has(g.key)).map(({ key, ids }) => ({ key, ids }))}
              store={dragStore}
              announcements={announcements}
              instructions={t("drag.instructions")}
              onDragEnd={onDragEnd}
            />
          )}
          {groups.map((group) => {
            if (group.count === 0) return null;
            const titleId = `question-group-${group.key}`;
            const title = t("groupTitle", { title: t(`groups.${group.key}`), count: group.count });
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
                  if (opened.has(group.key) === nowOpen) return;
                  const next = new Set(opened);
                  if (nowOpen) next.add(group.key);
                  else next.delete(group.key);
                  setOpened(next);
                  showInAddress(next, visit, nowOpen && !group.isSent);
                }}
                className="group rounded-xl border border-slate-200 bg-slate-50"
              >
                <summary className="flex min-h-11 cursor-pointer items-center gap-2 rounded-xl px-4 py-3 text-lg font-semibold hover:bg-slate-100">
                  <ChevronRight aria-hidden className="size-5 shrink-0 transition-transform group-open:rotate-90" />
                  <span id={titleId}>{title}</span>
                </summary>
                {/* Sent and rendered only once opened: a long list costs nothing until someone looks. */}
                {open && (
                  <div className="px-2 pb-3 sm:px-3">
                    {group.isSent ? (
                      renderItems(group, titleId)
                    ) : (
                      <p role="status" className="px-2 text-muted">
                        {t("loadingGroup")}
                      </p>
                    )}
                  </div>
                )}
              </details>
            );
          })}
        </>
      )}
    </div>
  );
}

type SortableModule = typeof import("./question-sortable");
