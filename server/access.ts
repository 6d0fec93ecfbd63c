/**
 * Who may see what in a case, in one place: the membership rule behind `caseProcedure` and the
 * download routes, the per-request memo of access checks, and the where-clauses for rows that only
 * some members see. Every "is this member's access still open?" question uses `activeMember()`, on
 * the database's clock.
 */
import "server-only";
import { messageRef } from "@/lib/i18n/message-ref";
import { TRPCError } from "@trpc/server";
import { and, eq, gt, isNull, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { activity, caseMembers, cases, notes, records } from "@/db/schema";
import type { ActivityVisibility } from "@/lib/activity";
import { roleAtLeast, type CaseRole } from "@/lib/member";
import { logAccessRefused } from "./audit-log";
import { hasStrongFactor } from "./auth/two-step";

/** A member whose access end date has not passed (or who has none): the only kind that counts. */
export function activeMember(at: SQL | Date = sql`now()`): SQL {
  return or(isNull(caseMembers.accessEndsAt), gt(caseMembers.accessEndsAt, at))!;
}

// ── The per-request memo ─────────────────────────────────────────────────────────────────────────

/**
 * Access checks already made in this request (the user exists; the caller's membership of a case),
 * so a page that makes five case queries checks once, not five times. Request contexts have one;
 * any mutation clears it before and after it runs.
 */
export type AccessChecks = Map<string, Promise<unknown>>;

/** Runs `check` once per request and key; without a memo, every time. */
export function checkOnce<T>(checks: AccessChecks | undefined, key: string, check: () => Promise<T>): Promise<T> {
  if (!checks) return check();
  let pending = checks.get(key) as Promise<T> | undefined;
  if (!pending) {
    // A Drizzle query is a thenable that runs again on every `await`: keep a settled-once promise.
    pending = Promise.resolve(check());
    checks.set(key, pending);
  }
  return pending;
}

export const userCheckKey = (userId: string) => `user:${userId}`;

/**
 * A request's memo. Its session was just looked up together with its user (auth/sessions.ts), so
 * that user is known to exist and need not be checked again.
 */
export function newAccessChecks(session: { user: { id: string } } | null): AccessChecks {
  const checks: AccessChecks = new Map();
  if (session) checks.set(userCheckKey(session.user.id), Promise.resolve([{ id: session.user.id }]));
  return checks;
}

// ── The membership rule ──────────────────────────────────────────────────────────────────────────

export async function findActiveMembership(db: Db, caseId: string, userId: string) {
  const [member] = await db
    .select({ id: caseMembers.id, role: caseMembers.role, caseRequiresTwoStep: cases.requireTwoStep })
    .from(caseMembers)
    .innerJoin(cases, eq(cases.id, caseMembers.caseId))
    .where(and(eq(caseMembers.caseId, caseId), eq(caseMembers.userId, userId), activeMember()));
  return member ?? null;
}

// ── Refusals, and their log (ASVS 16.3.2) ───────────────────────────────────────────────────────

/** Why access was refused: a code for the log, never shown to anyone. */
export type RefusalReason = "not-member" | "two-step-required" | "role-too-low" | "not-author" | "not-uploader" | "invitation-for-another-address";

/**
 * The cause carried by every authorization refusal, so the one place that logs them (`logRefusal`)
 * knows it was one and why. Other FORBIDDENs (an old "confirm it's you") are not authorization failures.
 */
export class AccessRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly caseId: string | null,
  ) {
    super(`access refused: ${reason}`);
    this.name = "AccessRefused";
  }
}

/**
 * The cause of a refusal because the case's owner requires two-step sign-in and this member has no
 * strong factor yet; the client shows the lock screen (`data.twoStepRequired`, server/trpc.ts).
 */
export class TwoStepRequired extends AccessRefused {
  constructor(caseId: string) {
    super("two-step-required", caseId);
    this.name = "TwoStepRequired";
  }
}

/** An authorization refusal to throw: FORBIDDEN, or NOT_FOUND where existence must not show. */
export function refusal(code: "FORBIDDEN" | "NOT_FOUND", reason: RefusalReason, caseId: string | null, message: string): TRPCError {
  return new TRPCError({ code, message, cause: new AccessRefused(reason, caseId) });
}

/**
 * Logs `error` when it is an authorization refusal: one line per refused call, from the tRPC ladder
 * (server/trpc.ts) and the case routes (server/files/case-download.ts). Nothing else is logged.
 */
export function logRefusal(error: unknown, where: { userId: string; procedure: string }): void {
  if (!(error instanceof TRPCError) || !(error.cause instanceof AccessRefused)) return;
  logAccessRefused({ userId: where.userId, procedure: where.procedure, caseId: error.cause.caseId, reason: error.cause.reason, code: error.code });
}

/**
 * The one authorization rule for case data, shared by `caseProcedure` and the download routes:
 * NOT_FOUND when the user is not (or no longer) a member — existence is not revealed — FORBIDDEN when
 * the case requires two-step sign-in and the member has no strong factor (`TwoStepRequired`, checked
 * before the role, so a locked member is told why whatever they try), FORBIDDEN when their role is
 * below `minRole`.
 */
export async function requireCaseMember(db: Db, caseId: string, userId: string, minRole: CaseRole, checks?: AccessChecks) {
  const member = await checkOnce(checks, `member:${caseId}:${userId}`, () => findActiveMembership(db, caseId, userId));
  if (!member) throw refusal("NOT_FOUND", "not-member", caseId, messageRef("cases.errors.notFound"));
  if (member.caseRequiresTwoStep && !(await checkOnce(checks, `strong-factor:${userId}`, () => hasStrongFactor(db, userId)))) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: messageRef("cases.errors.twoStepRequired"),
      cause: new TwoStepRequired(caseId),
    });
  }
  if (!roleAtLeast(member.role, minRole)) throw refusal("FORBIDDEN", "role-too-low", caseId, messageRef("cases.errors.roleNotAllowed"));
  return { caseId, role: member.role, userId, memberId: member.id };
}

/**
 * Every case `userId` may open right now, with their role and the case's title: the same rule as
 * `requireCaseMember` over all their cases at once (active access; a case that requires two-step
 * sign-in only with a strong factor). For readers that are not a request about one case: the private
 * calendar feed (server/calendar/feed.ts).
 */
export async function openCasesOf(db: Db, userId: string): Promise<Array<CaseContext & { title: string }>> {
  const rows = await db
    .select({ caseId: caseMembers.caseId, memberId: caseMembers.id, role: caseMembers.role, title: cases.title, requiresTwoStep: cases.requireTwoStep })
    .from(caseMembers)
    .innerJoin(cases, eq(cases.id, caseMembers.caseId))
    .where(and(eq(caseMembers.userId, userId), activeMember()));
  const strong = rows.some((row) => row.requiresTwoStep) ? await hasStrongFactor(db, userId) : true;
  return rows
    .filter((row) => !row.requiresTwoStep || strong)
    .map((row) => ({ caseId: row.caseId, role: row.role, userId, memberId: row.memberId, title: row.title }));
}

/** The case context every case procedure handler receives. */
export type CaseContext = Awaited<ReturnType<typeof requireCaseMember>>;
type Viewer = Pick<CaseContext, "caseId" | "userId" | "role">;

// ── Rows only some members see ───────────────────────────────────────────────────────────────────

/** Notes: a private note is its author's alone — not even the owner sees it. */
export function visibleNotes(viewer: Viewer): SQL {
  return and(eq(notes.caseId, viewer.caseId), or(eq(notes.private, false), eq(notes.authorId, viewer.userId)))!;
}

/** Records: a private record is seen by its author and the owner. */
export function visibleRecords(viewer: Viewer): SQL {
  const shared = viewer.role === "owner" ? undefined : or(eq(records.private, false), eq(records.authorId, viewer.userId));
  return and(eq(records.caseId, viewer.caseId), shared)!;
}

/**
 * Activity entries: "members" entries for all, one's own, and "author_and_owner" entries for the
 * owner. `role` may be a column (the member row of a join), for queries over several cases.
 */
export function visibleActivity(viewer: { userId: string; role: CaseRole | PgColumn }): SQL {
  const ownerOnly = eq(activity.visibility, "author_and_owner");
  const forOwner = typeof viewer.role === "string" ? (viewer.role === "owner" ? ownerOnly : undefined) : and(ownerOnly, eq(viewer.role, "owner"));
  return or(eq(activity.visibility, "members"), eq(activity.actorId, viewer.userId), forOwner)!;
}

/** The same rule as `visibleActivity`, for one entry already in hand (a live event). */
export function canSeeActivity(
  entry: { actorId: string | null; visibility: ActivityVisibility },
  viewer: { userId: string; role: CaseRole },
): boolean {
  if (entry.visibility === "members" || entry.actorId === viewer.userId) return true;
  return entry.visibility === "author_and_owner" && viewer.role === "owner";
}
