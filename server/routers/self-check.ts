/**
 * The self-check ("is a second opinion worth exploring?"): one set of answers per case, read by every
 * member, edited by the owner and supporters, versioned like other edits (the first save names
 * version 0). A timing caution (emergency, or waiting would delay care) marks the case urgent, so the
 * overview keeps showing the safety message; removing the last caution clears the flag again.
 */
import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { cases, selfChecks, users } from "@/db/schema";
import { recordActivity } from "@/server/activity";
import { notFound } from "@/server/errors";
import { messageRef } from "@/lib/i18n/message-ref";
import { staleVersion, updateVersioned } from "@/server/rows/versioned";
import { SELF_CHECK_SITUATIONS, TIMING_CAUTIONS, type TimingCaution, ZSelfCheckFields, ZSelfCheckView, needsSafetyMessage } from "@/lib/self-check";
import { caseProcedure, router } from "@/server/trpc";
import { zVersionOrUnwritten } from "@/lib/fields";

function findSelfCheck(db: Db, caseId: string) {
  return db
    .select({
      id: selfChecks.id,
      situations: selfChecks.situations,
      cautions: selfChecks.cautions,
      updatedByName: users.name,
      version: selfChecks.version,
      updatedAt: selfChecks.updatedAt,
    })
    .from(selfChecks)
    .leftJoin(users, eq(users.id, selfChecks.updatedBy))
    .where(eq(selfChecks.caseId, caseId))
    .then((rows) => rows[0] ?? null);
}

async function existingSelfCheck(db: Db, caseId: string) {
  const row = await findSelfCheck(db, caseId);
  if (!row) throw notFound(messageRef("selfCheck.errors.gone"));
  return row;
}

/** The same answers in the same order every time, whatever order the form sent them in. */
const canonical = <T extends string>(all: readonly T[], chosen: readonly T[]) => all.filter((value) => chosen.includes(value));

/**
 * The urgent flag follows the timing cautions: set while any is ticked, cleared when the last one is
 * unticked. Saving answers that never had a caution leaves a flag the owner set by hand alone. The
 * case's version moves on when the flag changes, so an open "Edit details" form cannot undo it unseen.
 */
async function followCautions(tx: Tx, caseId: string, before: readonly TimingCaution[], after: readonly TimingCaution[]) {
  const urgent = needsSafetyMessage(after) ? true : needsSafetyMessage(before) ? false : null;
  if (urgent === null) return;
  await tx
    .update(cases)
    .set({ urgent, version: sql`${cases.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(cases.id, caseId), ne(cases.urgent, urgent)));
}

/** Writes the answers (insert when `version` is 0), moves the urgent flag and records the activity. */
export async function writeSelfCheck(
  tx: Tx,
  { caseId, userId, version, ...answers }: { caseId: string; userId: string; version: number } & z.output<typeof ZSelfCheckFields>,
) {
  const situations = canonical(SELF_CHECK_SITUATIONS, answers.situations);
  const cautions = canonical(TIMING_CAUTIONS, answers.cautions);
  const before = await findSelfCheck(tx, caseId);
  // Re-read on a conflict: the winner has committed by now.
  const current = () => existingSelfCheck(tx, caseId);
  let id: string;
  if (version === 0) {
    const [inserted] = await tx
      .insert(selfChecks)
      .values({ caseId, situations, cautions, updatedBy: userId })
      .onConflictDoNothing()
      .returning({ id: selfChecks.id });
    // Someone saved the first answers meanwhile.
    if (!inserted) throw staleVersion(ZSelfCheckView, await current());
    id = inserted.id;
  } else {
    // No saved answers to edit: `current` says NOT_FOUND.
    const edited = before ?? (await current());
    ({ id } = await updateVersioned(
      tx,
      selfChecks,
      { caseId, id: edited.id, version },
      { situations, cautions, updatedBy: userId },
      { returning: { id: selfChecks.id }, view: ZSelfCheckView, current },
    ));
  }
  await followCautions(tx, caseId, before?.cautions ?? [], cautions);
  await recordActivity(tx, {
    caseId,
    actorId: userId,
    action: "self_check.saved",
    entityType: "self_check",
    entityId: id,
    summary: messageRef(needsSafetyMessage(cautions) ? "selfCheck.activity.savedUrgent" : "selfCheck.activity.saved"),
  });
}

export const selfCheckRouter = router({
  get: caseProcedure("viewer")
    .output(ZSelfCheckView.nullable())
    .query(({ ctx }) => findSelfCheck(ctx.db, ctx.caseId)),

  save: caseProcedure("supporter")
    .input(ZSelfCheckFields.extend({ version: zVersionOrUnwritten() }))
    .output(ZSelfCheckView.extend({ urgent: z.boolean() }))
    .mutation(({ ctx, input: { caseId: _caseId, ...input } }) =>
      ctx.db.transaction(async (tx) => {
        await writeSelfCheck(tx, { caseId: ctx.caseId, userId: ctx.userId, ...input });
        const [theCase] = await tx.select({ urgent: cases.urgent }).from(cases).where(eq(cases.id, ctx.caseId));
        return { ...(await existingSelfCheck(tx, ctx.caseId)), urgent: theCase!.urgent };
      }),
    ),
});
