/** Questions to ask: from the bank or one's own; priorities, order, asked, answers. */
import "server-only";
import { and, asc, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { questions, users } from "@/db/schema";
import { recordActivity } from "@/server/activity";
import { fieldError, notFound } from "@/server/errors";
import { assertOpinionInCase, keepUnlessGiven } from "@/server/rows/opinion-ref";
import { columnsFor } from "@/server/rows/columns";
import { alreadyCreated, createOnce } from "@/server/rows/create-once";
import { deleteVersioned, updateVersioned } from "@/server/rows/versioned";
import { zOpinionRefEdit } from "@/lib/opinion";
import {
  QUESTION_GROUPS,
  type QuestionBankKey,
  type QuestionGroup,
  ZAnswerFields,
  ZQuestionCreate,
  ZQuestionFields,
  ZQuestionFromBank,
  ZQuestionSummary,
  ZQuestionView,
  zQuestionGroup,
  zVisitFilter,
} from "@/lib/question";
import { DEFAULT_LOCALE, isLocale, type AnyLocale } from "@/lib/i18n/locales";
import { messageRef } from "@/lib/i18n/message-ref";
import { translatorFor } from "@/server/i18n/translator";
import { caseProcedure, router } from "@/server/trpc";
import type { Db } from "@/db/client";
import type { CaseContext } from "@/server/access";
import { nextPosition, reorderAmong } from "@/server/rows/ordering";
import { zVersion } from "@/lib/fields";

const author = alias(users, "author");
const answerer = alias(users, "answerer");

function selectQuestions(db: Db) {
  return db
    .select({ ...columnsFor(questions, ZQuestionView.omit({ answeredByName: true, authorName: true })), answeredByName: answerer.name, authorName: author.name })
    .from(questions)
    .leftJoin(author, eq(author.id, questions.authorId))
    .leftJoin(answerer, eq(answerer.id, questions.answeredBy));
}

const GONE = messageRef("questions.errors.gone");

/** A visit filter (zVisitFilter) as a condition: none for every question. */
function visitIs(opinionId: string | null | undefined): SQL | undefined {
  if (opinionId === undefined) return undefined;
  return opinionId === null ? isNull(questions.opinionId) : eq(questions.opinionId, opinionId);
}

/** The questions in one group of the list: the SQL twin of questionGroupOf (lib/vocabulary/question.ts). */
function inGroup(group: QuestionGroup): SQL {
  const unpinned = eq(questions.pinned, false);
  switch (group) {
    case "priority":
      return eq(questions.pinned, true);
    case "answered":
      return and(unpinned, isNotNull(questions.answer))!;
    case "asked":
      return and(unpinned, isNull(questions.answer), isNotNull(questions.askedAt))!;
    case "not-asked":
      return and(unpinned, isNull(questions.answer), isNull(questions.askedAt))!;
  }
}

/**
 * A suggested question in the words of the person adding it: once added it is their own text, which others
 * read as written (like a question they typed). The pseudo-locale is a layout check, not a language to store.
 */
export function bankQuestionText(key: QuestionBankKey, locale: AnyLocale | undefined): string {
  return translatorFor(isLocale(locale) ? locale : DEFAULT_LOCALE)(`questions.bank.${key}`);
}

async function currentQuestion(db: Db, ctx: CaseContext, id: string) {
  const [row] = await selectQuestions(db).where(and(eq(questions.id, id), eq(questions.caseId, ctx.caseId)));
  if (!row) throw notFound(GONE);
  return row;
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

export const questionRouter = router({
  list: caseProcedure("viewer")
    .input(
      z.object({
        status: z.enum(["all", "open", "answered"]).default("all"),
        /** Only the questions for this opinion/visit (null: those tied to none). */
        opinionId: zVisitFilter,
        /** Only the questions in these groups of the list (lib/vocabulary/question.ts). */
        groups: z.array(zQuestionGroup).max(QUESTION_GROUPS.length).optional(),
      }),
    )
    .output(z.array(ZQuestionView))
    .query(({ ctx, input }) =>
      selectQuestions(ctx.db)
        .where(
          and(
            eq(questions.caseId, ctx.caseId),
            input.status === "open" ? isNull(questions.answer) : undefined,
            input.status === "answered" ? isNotNull(questions.answer) : undefined,
            visitIs(input.opinionId),
            input.groups ? or(...input.groups.map(inGroup), sql`false`) : undefined,
          ),
        )
        .orderBy(asc(questions.position), asc(questions.createdAt)),
    ),

  /** The list in numbers (ZQuestionSummary): what the page shows for the groups it has not sent. */
  summary: caseProcedure("viewer")
    .input(z.object({ opinionId: zVisitFilter }))
    .output(ZQuestionSummary)
    .query(async ({ ctx, input }) => {
      const shown = visitIs(input.opinionId) ?? sql`true`;
      const count = (where: SQL) => sql<number>`(count(*) filter (where ${and(shown, where)}))::int`;
      const [row] = await ctx.db
        .select({
          total: sql<number>`count(*)::int`,
          pinned: sql<number>`(count(*) filter (where ${questions.pinned}))::int`,
          priority: count(inGroup("priority")),
          notAsked: count(inGroup("not-asked")),
          asked: count(inGroup("asked")),
          answered: count(inGroup("answered")),
          bankKeys: sql<string[]>`coalesce(array_agg(${questions.bankKey}) filter (where ${questions.bankKey} is not null), '{}')`,
        })
        .from(questions)
        .where(eq(questions.caseId, ctx.caseId));
      const { total, pinned, priority, notAsked, asked, answered, bankKeys } = row!;
      return { counts: { priority, "not-asked": notAsked, asked, answered }, total, pinned, bankKeys };
    }),

  /**
   * One question as it is now, or null when it is gone: what an open list reads when a live event
   * says this question changed (components/live/use-live-items.ts), instead of re-rendering the page.
   */
  get: caseProcedure("viewer")
    .input(z.object({ id: z.uuid() }))
    .output(ZQuestionView.nullable())
    .query(async ({ ctx, input }) => {
      const [row] = await selectQuestions(ctx.db).where(and(eq(questions.id, input.id), eq(questions.caseId, ctx.caseId)));
      return row ?? null;
    }),

  create: caseProcedure("supporter")
    .input(ZQuestionCreate)
    .output(ZQuestionView)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        await assertOpinionInCase(tx, ctx.caseId, input.opinionId);
        const row = await createOnce(
          tx,
          questions,
          { caseId: ctx.caseId, userId: ctx.userId, submissionId: input.submissionId },
          { caseId: ctx.caseId, text: input.text, opinionId: input.opinionId, authorId: ctx.userId, position: await nextPosition(tx, questions, ctx.caseId) },
        );
        if (row.created) {
          await recordActivity(tx, { caseId: ctx.caseId, actorId: ctx.userId, action: "question.created", entityType: "question", entityId: row.id, summary: messageRef("questions.activity.added", { text: short(input.text) }) });
        }
        return currentQuestion(tx, ctx, row.id);
      }),
    ),

  /** One click from the suggested questions; each can be added once. */
  addFromBank: caseProcedure("supporter")
    .input(ZQuestionFromBank)
    .output(ZQuestionView)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const submission = { caseId: ctx.caseId, userId: ctx.userId, submissionId: input.submissionId };
        // A retry of an add that went through answers with that question, not "already added".
        const earlier = await alreadyCreated(tx, questions, submission);
        if (earlier) return currentQuestion(tx, ctx, earlier);
        const text = bankQuestionText(input.bankKey, ctx.locale);
        const [already] = await tx
          .select({ id: questions.id })
          .from(questions)
          .where(and(eq(questions.caseId, ctx.caseId), eq(questions.bankKey, input.bankKey), isNull(questions.opinionId)));
        if (already) throw fieldError("bankKey", messageRef("questions.errors.alreadyAdded"));
        const row = await createOnce(tx, questions, submission, {
          caseId: ctx.caseId,
          text,
          bankKey: input.bankKey,
          authorId: ctx.userId,
          position: await nextPosition(tx, questions, ctx.caseId),
        });
        if (row.created) {
          await recordActivity(tx, { caseId: ctx.caseId, actorId: ctx.userId, action: "question.created", entityType: "question", entityId: row.id, summary: messageRef("questions.activity.added", { text: short(text) }) });
        }
        return currentQuestion(tx, ctx, row.id);
      }),
    ),

  update: caseProcedure("supporter")
    .input(ZQuestionFields.extend({ id: z.uuid(), version: zVersion(), opinionId: zOpinionRefEdit }))
    .output(ZQuestionView)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        await assertOpinionInCase(tx, ctx.caseId, input.opinionId ?? null);
        const row = await updateVersioned(
          tx,
          questions,
          { caseId: ctx.caseId, id: input.id, version: input.version },
          { text: input.text, ...keepUnlessGiven(input.opinionId) },
          { returning: { id: questions.id }, view: ZQuestionView, current: () => currentQuestion(tx, ctx, input.id) },
        );
        await recordActivity(tx, { caseId: ctx.caseId, actorId: ctx.userId, action: "question.updated", entityType: "question", entityId: row.id, summary: messageRef("questions.activity.edited", { text: short(input.text) }) });
        return currentQuestion(tx, ctx, row.id);
      }),
    ),

  /** Pinning and "asked" are flags, not text: they do not need the version, and never conflict. */
  setFlags: caseProcedure("supporter")
    .input(z.object({ id: z.uuid(), pinned: z.boolean().optional(), asked: z.boolean().optional() }))
    .output(ZQuestionView)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = await currentQuestion(tx, ctx, input.id);
        await tx
          .update(questions)
          .set({
            ...(input.pinned === undefined ? {} : { pinned: input.pinned }),
            ...(input.asked === undefined ? {} : { askedAt: input.asked ? (before.askedAt ?? new Date()) : null }),
            updatedAt: sql`now()`,
          })
          .where(and(eq(questions.id, input.id), eq(questions.caseId, ctx.caseId)));
        const flag = (value: boolean | undefined) => (value === undefined ? "none" : value ? "yes" : "no");
        const summary = messageRef("questions.activity.flagsChanged", { pinned: flag(input.pinned), asked: flag(input.asked), text: short(before.text) });
        await recordActivity(tx, { caseId: ctx.caseId, actorId: ctx.userId, action: "question.updated", entityType: "question", entityId: input.id, summary });
        return currentQuestion(tx, ctx, input.id);
      }),
    ),

  /** Records (or clears, with an empty answer) the answer; who recorded it and when are kept. */
  answer: caseProcedure("supporter")
    .input(ZAnswerFields.extend({ id: z.uuid(), version: zVersion() }))
    .output(ZQuestionView)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const answered = input.answer.length > 0;
        const row = await updateVersioned(
          tx,
          questions,
          { caseId: ctx.caseId, id: input.id, version: input.version },
          {
            answer: answered ? input.answer : null,
            answeredBy: answered ? ctx.userId : null,
            answeredAt: answered ? new Date() : null,
            askedAt: answered ? sql`coalesce(${questions.askedAt}, now())` : questions.askedAt,
          },
          { returning: { id: questions.id, text: questions.text }, view: ZQuestionView, current: () => currentQuestion(tx, ctx, input.id) },
        );
        await recordActivity(tx, { caseId: ctx.caseId, actorId: ctx.userId, action: "question.updated", entityType: "question", entityId: row.id, summary: messageRef(answered ? "questions.activity.answered" : "questions.activity.answerCleared", { text: short(row.text) }) });
        return currentQuestion(tx, ctx, row.id);
      }),
    ),

  /** Some of the questions (a group of the list), in a new order among the places they hold; the rest stay put. */
  reorder: caseProcedure("supporter")
    .input(z.object({ ids: z.array(z.uuid()).max(500) }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        await reorderAmong(tx, questions, ctx.caseId, input.ids);
        await recordActivity(tx, { caseId: ctx.caseId, actorId: ctx.userId, action: "question.reordered", entityType: "question", entityId: null, summary: messageRef("questions.activity.reordered") });
        return { ok: true as const };
      }),
    ),

  delete: caseProcedure("supporter")
    .input(z.object({ id: z.uuid(), version: zVersion() }))
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        // Removed only at the version the person saw (a stale removal is a CONFLICT, a gone one NOT_FOUND).
        const row = await deleteVersioned(
          tx,
          questions,
          { caseId: ctx.caseId, id: input.id, version: input.version },
          { returning: { text: questions.text }, view: ZQuestionView, current: () => currentQuestion(tx, ctx, input.id) },
        );
        await recordActivity(tx, { caseId: ctx.caseId, actorId: ctx.userId, action: "question.deleted", entityType: "question", entityId: input.id, summary: messageRef("questions.activity.removed", { text: short(row.text) }) });
        return { deleted: true as const };
      }),
    ),
});
