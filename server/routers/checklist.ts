/**
 * The four-phase checklist. Auto items are worked out on every read from the case's current data,
 * so they untick themselves when their condition stops holding. They count SHARED items only (no
 * private note, record or file), so every member sees the same checklist and nothing private shows
 * through it. Manual items are rows in `checklist_ticks` (who and when), ticked by owner or supporter.
 */
import "server-only";
import { type SQL, and, asc, count, countDistinct, eq, exists, inArray, isNotNull, ne, notInArray, or, sql, type SQLWrapper } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  allergies,
  caseMembers,
  cases,
  checklistTicks,
  comparisonCells,
  medications,
  notes,
  opinionCalls,
  opinions,
  questions,
  recordFiles,
  records,
  reflections,
  selfChecks,
  users,
} from "@/db/schema";
import { recordActivity } from "@/server/activity";
import {
  type AutoChecklistItem,
  CHECKLIST_ITEMS,
  CHECKLIST_PHASES,
  type ChecklistView,
  ZChecklistView,
  ZManualTick,
  checklistPlacePath,
  isManualChecklistItem,
} from "@/lib/checklist";
import { PRIORITY_QUESTIONS_MIN } from "@/lib/question";
import { messageRef, words } from "@/lib/i18n/message-ref";
import { caseProcedure, router } from "@/server/trpc";

/** A scalar subquery's count, as a column of the one query below. */
const countOf = (query: SQLWrapper) => sql<number>`(${query})`.mapWith(Number);

/** Every auto item's condition, from the case's shared data as it is now: one statement of counts. */
async function autoChecks(db: Db, caseId: string): Promise<{ auto: Record<AutoChecklistItem, boolean>; selfCheckTaken: boolean }> {
  const sharedRecords = and(eq(records.caseId, caseId), eq(records.private, false));
  const sharedRecordsWhere = (extra: SQL) => db.select({ n: count() }).from(records).where(and(sharedRecords, extra));
  // The first opinion is the one at the top of the list; any after it is a second (or further) opinion.
  const firstOpinion = db
    .select({ id: opinions.id })
    .from(opinions)
    .where(eq(opinions.caseId, caseId))
    .orderBy(asc(opinions.position), asc(opinions.createdAt))
    .limit(1);
  const further = (extra?: SQL) =>
    db
      .select({ n: count() })
      .from(opinions)
      .where(and(eq(opinions.caseId, caseId), ne(opinions.id, sql`(${firstOpinion})`), extra));
  const insuranceAnswered = or(
    ne(opinions.inNetwork, "unknown"),
    ne(opinions.referralNeeded, "unknown"),
    ne(opinions.preApprovalNeeded, "unknown"),
    ne(sql`btrim(${opinions.expectedCosts})`, ""),
    exists(db.select({ one: sql`1` }).from(opinionCalls).where(and(eq(opinionCalls.caseId, caseId), eq(opinionCalls.opinionId, opinions.id)))),
  )!;
  const [counts] = await db
    .select({
      understanding: cases.understanding,
      questionCount: countOf(db.select({ n: count() }).from(questions).where(eq(questions.caseId, caseId))),
      pinnedCount: countOf(db.select({ n: count() }).from(questions).where(and(eq(questions.caseId, caseId), eq(questions.pinned, true)))),
      fileCount: countOf(
        db
          .select({ n: count() })
          .from(recordFiles)
          .innerJoin(records, eq(records.id, recordFiles.recordId))
          .where(and(eq(recordFiles.caseId, caseId), sharedRecords)),
      ),
      medicationCount: countOf(db.select({ n: count() }).from(medications).where(eq(medications.caseId, caseId))),
      allergyCount: countOf(db.select({ n: count() }).from(allergies).where(eq(allergies.caseId, caseId))),
      // Not an item, but read here so the overview needs no round trip of its own for it.
      selfCheckCount: countOf(db.select({ n: count() }).from(selfChecks).where(eq(selfChecks.caseId, caseId))),
      visitNoteCount: countOf(
        db.select({ n: count() }).from(notes).where(and(eq(notes.caseId, caseId), eq(notes.private, false), isNotNull(notes.opinionId))),
      ),
      comparedCount: countOf(
        db
          .select({ n: countDistinct(comparisonCells.opinionId) })
          .from(comparisonCells)
          .where(and(eq(comparisonCells.caseId, caseId), ne(sql`btrim(${comparisonCells.text})`, ""))),
      ),
      // The same reflections the Decide page shows: those of the current owner and supporters.
      reflectionCount: countOf(
        db
          .select({ n: count() })
          .from(reflections)
          .where(
            and(
              eq(reflections.caseId, caseId),
              exists(
                db
                  .select({ one: sql`1` })
                  .from(caseMembers)
                  .where(
                    and(
                      eq(caseMembers.caseId, caseId),
                      eq(caseMembers.userId, reflections.userId),
                      inArray(caseMembers.role, ["owner", "supporter"]),
                    ),
                  ),
              ),
            ),
          ),
      ),
      furtherCount: countOf(further()),
      furtherInsuredCount: countOf(further(insuranceAnswered)),
      furtherCompletedCount: countOf(further(eq(opinions.status, "completed"))),
      sharedRecordCount: countOf(db.select({ n: count() }).from(records).where(sharedRecords)),
      notRequestedCount: countOf(sharedRecordsWhere(eq(records.status, "needed"))),
      notReceivedCount: countOf(sharedRecordsWhere(notInArray(records.status, ["received", "shared"]))),
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!counts) throw new Error("the case vanished while its checklist was read");
  const auto = {
    main_questions: counts.questionCount > 0,
    insurance_checked: counts.furtherInsuredCount > 0,
    kind_chosen: counts.furtherCount > 0,
    records_requested: counts.sharedRecordCount > 0 && counts.notRequestedCount === 0,
    records_received: counts.sharedRecordCount > 0 && counts.notReceivedCount === 0,
    records_organised: counts.fileCount > 0,
    medication_allergy_lists: counts.medicationCount + counts.allergyCount > 0,
    top_questions: counts.pinnedCount >= PRIORITY_QUESTIONS_MIN,
    understanding_written: counts.understanding.trim() !== "",
    visit_notes: counts.visitNoteCount > 0,
    second_opinion_recorded: counts.furtherCompletedCount > 0,
    opinions_compared: counts.comparedCount >= 2,
    reflection_written: counts.reflectionCount > 0,
  };
  return { auto, selfCheckTaken: counts.selfCheckCount > 0 };
}

async function loadChecklist(db: Db, caseId: string): Promise<ChecklistView> {
  const [{ auto, selfCheckTaken }, ticks] = await Promise.all([
    autoChecks(db, caseId),
    db
      .select({ item: checklistTicks.item, tickedAt: checklistTicks.tickedAt, tickedByName: users.name })
      .from(checklistTicks)
      .leftJoin(users, eq(users.id, checklistTicks.tickedBy))
      .where(eq(checklistTicks.caseId, caseId)),
  ]);
  const phases = CHECKLIST_PHASES.map((phase) => {
    const items = CHECKLIST_ITEMS.filter((item) => item.phase === phase).map(({ key, place }) => {
      const tick = isManualChecklistItem(key) ? ticks.find((t) => t.item === key) : undefined;
      return {
        key,
        href: `/cases/${caseId}${checklistPlacePath(place)}`,
        place,
        auto: !isManualChecklistItem(key),
        done: isManualChecklistItem(key) ? tick !== undefined : auto[key],
        tickedByName: tick?.tickedByName ?? null,
        tickedAt: tick?.tickedAt ?? null,
      };
    });
    return { phase, done: items.filter((i) => i.done).length, total: items.length, items };
  });
  return {
    phases,
    done: phases.reduce((sum, p) => sum + p.done, 0),
    total: phases.reduce((sum, p) => sum + p.total, 0),
    selfCheckTaken,
  };
}

export const checklistRouter = router({
  get: caseProcedure("viewer")
    .output(ZChecklistView)
    .query(({ ctx }) => loadChecklist(ctx.db, ctx.caseId)),

  /** Ticks or unticks a manual item. Idempotent: ticking a ticked item keeps the first tick's who and when. */
  setTick: caseProcedure("supporter")
    .input(ZManualTick)
    .output(ZManualTick)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const changed = input.ticked
          ? await tx
              .insert(checklistTicks)
              .values({ caseId: ctx.caseId, item: input.item, tickedBy: ctx.userId })
              .onConflictDoNothing()
              .returning({ id: checklistTicks.id })
          : await tx
              .delete(checklistTicks)
              .where(and(eq(checklistTicks.caseId, ctx.caseId), eq(checklistTicks.item, input.item)))
              .returning({ id: checklistTicks.id });
        if (changed.length > 0) {
          await recordActivity(tx, {
            caseId: ctx.caseId,
            actorId: ctx.userId,
            action: input.ticked ? "checklist.ticked" : "checklist.unticked",
            entityType: "checklist",
            entityId: changed[0]!.id,
            summary: messageRef(input.ticked ? "checklist.activity.ticked" : "checklist.activity.unticked", { item: words(`checklist.items.${input.item}.text`) }),
          });
        }
        return { item: input.item, ticked: input.ticked };
      }),
    ),
});
