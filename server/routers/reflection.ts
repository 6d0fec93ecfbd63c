/**
 * Reflections: each owner and supporter writes their own, and every member reads them side by side.
 * One row per member and case; the first save names version 0 (no row yet), later saves the version edited.
 */
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { caseMembers, reflections, users } from "@/db/schema";
import { recordActivity } from "@/server/activity";
import { notFound } from "@/server/errors";
import { assertOpinionInCase } from "@/server/rows/opinion-ref";
import { staleVersion, updateVersioned } from "@/server/rows/versioned";
import { ZReflectionFields, ZReflectionView } from "@/lib/reflection";
import { messageRef } from "@/lib/i18n/message-ref";
import { caseProcedure, router } from "@/server/trpc";
import type { CaseContext } from "@/server/access";
import { zVersionOrUnwritten } from "@/lib/fields";

function selectReflections(db: Db) {
  return db
    .select({
      id: reflections.id,
      userId: reflections.userId,
      authorName: users.name,
      values: reflections.values,
      valuesOther: reflections.valuesOther,
      riskComfort: reflections.riskComfort,
      practical: reflections.practical,
      communication: reflections.communication,
      communicationOpinionId: reflections.communicationOpinionId,
      feelSure: reflections.feelSure,
      knowBenefitsRisks: reflections.knowBenefitsRisks,
      clearOnPriorities: reflections.clearOnPriorities,
      enoughSupport: reflections.enoughSupport,
      canSayWhat: reflections.canSayWhat,
      canSayWhy: reflections.canSayWhy,
      canSayAlternatives: reflections.canSayAlternatives,
      version: reflections.version,
      updatedAt: reflections.updatedAt,
    })
    .from(reflections)
    .innerJoin(users, eq(users.id, reflections.userId));
}

/** The caller's own reflection in this case. */
async function myReflection(db: Db, ctx: CaseContext) {
  const [row] = await selectReflections(db).where(and(eq(reflections.caseId, ctx.caseId), eq(reflections.userId, ctx.userId)));
  if (!row) throw notFound(messageRef("decision.errors.reflectionGone"));
  return row;
}

export const reflectionRouter = router({
  /** The reflections of the case's current owner and supporters, side by side. */
  list: caseProcedure("viewer")
    .output(z.array(ZReflectionView))
    .query(({ ctx }) => {
      const currentWriters = ctx.db
        .select({ userId: caseMembers.userId })
        .from(caseMembers)
        .where(and(eq(caseMembers.caseId, ctx.caseId), inArray(caseMembers.role, ["owner", "supporter"])));
      return selectReflections(ctx.db)
        .where(and(eq(reflections.caseId, ctx.caseId), inArray(reflections.userId, currentWriters)))
        .orderBy(asc(reflections.createdAt));
    }),

  save: caseProcedure("supporter")
    .input(ZReflectionFields.extend({ version: zVersionOrUnwritten() }))
    .output(ZReflectionView)
    .mutation(({ ctx, input: { caseId: _caseId, version, ...fields } }) =>
      ctx.db.transaction(async (tx) => {
        await assertOpinionInCase(tx, ctx.caseId, fields.communicationOpinionId);
        const set = { ...fields, values: [...new Set(fields.values)] };
        let id: string;
        if (version === 0) {
          const [inserted] = await tx
            .insert(reflections)
            .values({ ...set, caseId: ctx.caseId, userId: ctx.userId })
            .onConflictDoNothing()
            .returning({ id: reflections.id });
          // Another tab of theirs saved a first version meanwhile.
          if (!inserted) throw staleVersion(ZReflectionView, await myReflection(tx, ctx));
          id = inserted.id;
        } else {
          const mine = await myReflection(tx, ctx);
          ({ id } = await updateVersioned(
            tx,
            reflections,
            { caseId: ctx.caseId, id: mine.id, version },
            set,
            // Re-read on a conflict: the winner has committed by now.
            { returning: { id: reflections.id }, view: ZReflectionView, current: () => myReflection(tx, ctx) },
          ));
        }
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "reflection.saved",
          entityType: "reflection",
          entityId: id,
          summary: messageRef("decision.activity.reflectionSaved"),
        });
        return myReflection(tx, ctx);
      }),
    ),
});
