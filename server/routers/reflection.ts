/**
 * Reflections: each owner and supporter writes their own, and every member reads them side by side.
 * One row per member and case; the first save names version 0 (no row yet), later saves the version edited.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { caseMembers, reflections, users } from "@/db/schema";
import { recordActivity } from "@/server/activity";
import { assertOpinionInCase } from "@/server/rows/opinion-ref";
import { staleVersion } from "@/server/rows/versioned";
import { REFLECTION_VALUES, ZReflectionFields } from "@/lib/reflection";
import { caseProcedure, router } from "@/server/trpc";
import type { CaseContext } from "@/server/access";

const ZReflection = z.object({
  userId: z.uuid(),
  authorName: z.string(),
  values: z.array(z.enum(REFLECTION_VALUES)),
  valuesOther: z.string(),
  riskComfort: z.number().int().nullable(),
  practical: z.string(),
  communication: z.string(),
  communicationOpinionId: z.uuid().nullable(),
  feelSure: z.boolean().nullable(),
  knowBenefitsRisks: z.boolean().nullable(),
  clearOnPriorities: z.boolean().nullable(),
  enoughSupport: z.boolean().nullable(),
  canSayWhat: z.boolean().nullable(),
  canSayWhy: z.boolean().nullable(),
  canSayAlternatives: z.boolean().nullable(),
  version: z.number().int(),
  updatedAt: z.date(),
});

function selectReflections(db: Db) {
  return db
    .select({
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

const mine = (ctx: CaseContext) => and(eq(reflections.caseId, ctx.caseId), eq(reflections.userId, ctx.userId));

export const reflectionRouter = router({
  /** The reflections of the case's current owner and supporters, side by side. */
  list: caseProcedure("viewer")
    .output(z.array(ZReflection))
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
    .input(ZReflectionFields.extend({ version: z.number().int().min(0) }))
    .output(ZReflection)
    .mutation(({ ctx, input: { caseId: _caseId, version, ...fields } }) =>
      ctx.db.transaction(async (tx) => {
        await assertOpinionInCase(tx, ctx.caseId, fields.communicationOpinionId);
        const values = [...new Set(fields.values)];
        const written =
          version === 0
            ? await tx
                .insert(reflections)
                .values({ ...fields, values, caseId: ctx.caseId, userId: ctx.userId })
                .onConflictDoNothing()
                .returning({ id: reflections.id })
            : await tx
                .update(reflections)
                .set({ ...fields, values, version: sql`${reflections.version} + 1`, updatedAt: new Date() })
                .where(and(mine(ctx), eq(reflections.version, version)))
                .returning({ id: reflections.id });
        if (written.length === 0) {
          const [current] = await selectReflections(tx).where(mine(ctx));
          throw staleVersion(ZReflection.nullable(), current ?? null);
        }
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "reflection.saved",
          entityType: "reflection",
          entityId: written[0]!.id,
          summary: "Updated their reflection",
        });
        const [saved] = await selectReflections(tx).where(mine(ctx));
        return saved!;
      }),
    ),
});
