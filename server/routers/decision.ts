/**
 * The decision: only the owner records it; every recording is kept, so the history shows how it
 * evolved. Supporters can comment. SecondLook records the person's choice; it never suggests one.
 */
import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { decisionComments, decisions, users } from "@/db/schema";
import { recordActivity } from "@/server/activity";
import { notFound } from "@/server/errors";
import { ZDecisionCommentCreate, ZDecisionCommentView, ZDecisionRecord, ZDecisionView } from "@/lib/decision";
import { createOnce } from "@/server/rows/create-once";
import { messageRef, words } from "@/lib/i18n/message-ref";
import { caseProcedure, router } from "@/server/trpc";

export const decisionRouter = router({
  /** Every recorded version, newest first; the first is the current decision. */
  history: caseProcedure("viewer")
    .output(z.array(ZDecisionView))
    .query(async ({ ctx }) => {
      const rows = await ctx.db
        .select({
          id: decisions.id,
          path: decisions.path,
          reasons: decisions.reasons,
          nextSteps: decisions.nextSteps,
          decidedOn: decisions.decidedOn,
          authorName: users.name,
          createdAt: decisions.createdAt,
        })
        .from(decisions)
        .leftJoin(users, eq(users.id, decisions.authorId))
        .where(eq(decisions.caseId, ctx.caseId))
        .orderBy(desc(decisions.createdAt));
      const comments = await ctx.db
        .select({
          id: decisionComments.id,
          decisionId: decisionComments.decisionId,
          body: decisionComments.body,
          authorName: users.name,
          createdAt: decisionComments.createdAt,
        })
        .from(decisionComments)
        .leftJoin(users, eq(users.id, decisionComments.authorId))
        .where(eq(decisionComments.caseId, ctx.caseId))
        .orderBy(asc(decisionComments.createdAt));
      return rows.map((row) => ({
        ...row,
        comments: comments.filter((c) => c.decisionId === row.id).map(({ decisionId: _d, ...c }) => c),
      }));
    }),

  /** Records the decision as it stands now; earlier versions stay in the history. */
  record: caseProcedure("owner")
    .input(ZDecisionRecord)
    .output(ZDecisionView.pick({ id: true }))
    .mutation(({ ctx, input: { caseId: _caseId, submissionId, ...fields } }) =>
      ctx.db.transaction(async (tx) => {
        const row = await createOnce(tx, decisions, { caseId: ctx.caseId, userId: ctx.userId, submissionId }, { ...fields, caseId: ctx.caseId, authorId: ctx.userId });
        // A retried submission: this version of the decision and its activity entry are already written.
        if (!row.created) return { id: row.id };
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "decision.recorded",
          entityType: "decision",
          entityId: row.id,
          summary: messageRef("decision.activity.recorded", { path: words(`decision.paths.${fields.path}`) }),
        });
        return { id: row.id };
      }),
    ),

  comment: caseProcedure("supporter")
    .input(ZDecisionCommentCreate)
    .output(ZDecisionCommentView.pick({ id: true }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [decision] = await tx
          .select({ id: decisions.id })
          .from(decisions)
          .where(and(eq(decisions.id, input.decisionId), eq(decisions.caseId, ctx.caseId)));
        if (!decision) throw notFound(messageRef("decision.errors.decisionGone"));
        const row = await createOnce(
          tx,
          decisionComments,
          { caseId: ctx.caseId, userId: ctx.userId, submissionId: input.submissionId },
          { caseId: ctx.caseId, decisionId: decision.id, body: input.body, authorId: ctx.userId },
        );
        if (!row.created) return { id: row.id };
        await recordActivity(tx, {
          caseId: ctx.caseId,
          actorId: ctx.userId,
          action: "decision.commented",
          entityType: "decision",
          entityId: decision.id,
          summary: messageRef("decision.activity.commented"),
        });
        return { id: row.id };
      }),
    ),
});
