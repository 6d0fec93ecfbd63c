/**
 * tRPC setup, in three parts: context → init (superjson, error shape) → procedure builders.
 * Edit this file only to change what every procedure gets (context) or a rung of the ladder
 * public → protected → case(minRole). Routers live in server/routers/, one file per domain.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { and, eq, gt, isNull, or } from "drizzle-orm";
import superjson from "superjson";
import { z } from "zod";
// The parent of classic and zod/mini errors alike (account inputs use zod/mini).
import { $ZodError } from "zod/v4/core";
import type { Db } from "@/db/client";
import { caseMembers, users } from "@/db/schema";
import type { AppSession } from "./auth";
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  DEADLINE_MESSAGE,
  isDatabaseUnavailable,
  outageBreakerFor,
  REQUEST_DEADLINE_MS,
} from "@/server/database/outage";
import { FieldError, StaleVersion } from "./errors";
import type { Mailer } from "./mail";
import { type CaseRole, roleAtLeast } from "@/lib/member";

// ── Context ──────────────────────────────────────────────────────────────────────────────────────

export interface Context {
  db: Db;
  session: AppSession | null;
  mailer: Mailer;
  /**
   * Access checks already made in this request (the user exists; the caller's membership of a case),
   * so a page that makes five case queries checks once, not five times. Only request contexts have
   * one; any mutation clears it before and after it runs.
   */
  accessChecks?: Map<string, Promise<unknown>>;
}

/** Runs `check` once per request and key; without a request memo (tests' callers), every time. */
function checkOnce<T>(ctx: Context, key: string, check: () => Promise<T>): Promise<T> {
  if (!ctx.accessChecks) return check();
  let pending = ctx.accessChecks.get(key) as Promise<T> | undefined;
  if (!pending) {
    // A Drizzle query is a thenable that runs again on every `await`: keep a settled-once promise.
    pending = Promise.resolve(check());
    ctx.accessChecks.set(key, pending);
  }
  return pending;
}

const userCheckKey = (userId: string) => `user:${userId}`;

/**
 * A request's access-check memo. Its session was just looked up together with its user
 * (auth/sessions.ts), so that user is known to exist and need not be checked again.
 */
export function newAccessChecks(session: AppSession | null): Map<string, Promise<unknown>> {
  const checks = new Map<string, Promise<unknown>>();
  if (session) checks.set(userCheckKey(session.user.id), Promise.resolve([{ id: session.user.id }]));
  return checks;
}

/** Builds a context from its parts; tests call this directly with a test database. */
export function createContextInner(parts: Context): Context {
  return parts;
}

// ── Init ─────────────────────────────────────────────────────────────────────────────────────────

/** `minRole` marks a case procedure; the authorization matrix test finds them by it. */
export interface Meta {
  minRole?: CaseRole;
}

const t = initTRPC.context<Context>().meta<Meta>().create({
  transformer: superjson,
  // Live streams (SSE): a ping keeps proxies from closing a quiet stream, and a client that hears
  // nothing (not even a ping) for 30 s assumes the connection is dead and reconnects.
  sse: { ping: { enabled: true, intervalMs: 10_000 }, client: { reconnectAfterInactivityMs: 30_000 } },
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let fieldErrors: Record<string, string[]> | null = null;
    if (cause instanceof $ZodError) fieldErrors = z.flattenError(cause).fieldErrors as Record<string, string[]>;
    else if (cause instanceof FieldError) fieldErrors = { [cause.field]: [cause.message] };
    return {
      ...shape,
      // A zod failure's raw message is a JSON dump; forms read fieldErrors instead.
      message: cause instanceof $ZodError ? "Some fields need attention." : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        fieldErrors,
        // On CONFLICT: the version now saved, so the person can compare it with theirs.
        current: cause instanceof StaleVersion ? (cause.current as unknown) : undefined,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

// ── Procedures ───────────────────────────────────────────────────────────────────────────────────

/**
 * Every procedure: losing the database answers SERVICE_UNAVAILABLE (503, with Retry-After), never a
 * 500, and a request never waits longer than REQUEST_DEADLINE_MS for it. Once the database has failed,
 * requests are refused at once until a probe gets through (`OutageBreaker`). A mutation forgets the
 * request's remembered access checks before and after it runs (it may change them).
 */
export const publicProcedure = t.procedure.use(async ({ ctx, type, next }) => {
  const breaker = outageBreakerFor(ctx.db);
  if (!breaker.admit()) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE });
  if (type === "mutation") ctx.accessChecks?.clear();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      breaker.failed();
      reject(new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DEADLINE_MESSAGE }));
    }, REQUEST_DEADLINE_MS);
  });
  const result = await Promise.race([next(), deadline]).finally(() => clearTimeout(timer));
  if (type === "mutation") ctx.accessChecks?.clear();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && isDatabaseUnavailable(result.error.cause)) {
    breaker.failed();
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, cause: result.error.cause });
  }
  if (result.ok) breaker.succeeded();
  return result;
});

/**
 * Signed in, and the account still exists: a JWT outlives a deleted account, so the user is
 * re-checked on every call. Puts a non-null `session` on the context.
 */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  const userId = ctx.session.user.id;
  const [user] = await checkOnce(ctx, userCheckKey(userId), () => ctx.db.select({ id: users.id }).from(users).where(eq(users.id, userId)));
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { ...ctx, session: ctx.session } });
});

/** Membership that counts right now: a member whose access end date has passed counts as none. */
export async function findActiveMembership(db: Db, caseId: string, userId: string) {
  const [member] = await db
    .select({ id: caseMembers.id, role: caseMembers.role })
    .from(caseMembers)
    .where(
      and(
        eq(caseMembers.caseId, caseId),
        eq(caseMembers.userId, userId),
        or(isNull(caseMembers.accessEndsAt), gt(caseMembers.accessEndsAt, new Date())),
      ),
    );
  return member ?? null;
}

/**
 * The one authorization rule for case data, shared by `caseProcedure` and the file route handlers:
 * NOT_FOUND when the user is not (or no longer) a member — existence is not revealed — FORBIDDEN when
 * their role is below `minRole`.
 */
export async function requireCaseMember(db: Db, caseId: string, userId: string, minRole: CaseRole, request?: Context) {
  const findMember = () => findActiveMembership(db, caseId, userId);
  const member = await (request ? checkOnce(request, `member:${caseId}:${userId}`, findMember) : findMember());
  if (!member) throw new TRPCError({ code: "NOT_FOUND", message: "We could not find that case." });
  if (!roleAtLeast(member.role, minRole)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Your role in this case does not allow that." });
  }
  return { caseId, role: member.role, userId, memberId: member.id };
}

/**
 * The only way into case data from tRPC. Takes `caseId` from the input and applies
 * `requireCaseMember`. Handlers get `{ caseId, role, userId, memberId }` and must filter every query
 * by `ctx.caseId` as well as the row id.
 */
export function caseProcedure(minRole: CaseRole) {
  return protectedProcedure
    .meta({ minRole })
    .input(z.object({ caseId: z.uuid("That case link is not valid.") }))
    .use(async ({ ctx, input, next }) =>
      next({ ctx: await requireCaseMember(ctx.db, input.caseId, ctx.session.user.id, minRole, ctx) }),
    );
}

/** The case context every case procedure handler receives. */
export type CaseContext = Awaited<ReturnType<typeof requireCaseMember>>;
