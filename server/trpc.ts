/**
 * tRPC setup, in three parts: context → init (wire format, error shape) → procedure builders.
 * Edit this file only to change what every procedure gets (context) or a rung of the ladder
 * public → protected → case(minRole). Routers live in server/routers/, one file per domain.
 */
import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { wireFormat } from "@/lib/wire-format";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { checkOnce, logRefusal, requireCaseMember, TwoStepRequired, userCheckKey, type AccessChecks } from "./access";
import type { AppSession } from "./auth";
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  DEADLINE_MESSAGE,
  isDatabaseUnavailable,
  outageBreakerFor,
  isStatementTimeout,
  withinDeadline,
} from "@/server/database/outage";
import { ProofRequired } from "./auth/recent-proof";
import { countsAsActivity, noteActivity } from "./auth/sessions";
import { FieldError, StaleVersion, UNEXPECTED_ERROR_MESSAGE } from "./errors";
import type { Mailer } from "./mail";
import type { CaseRole } from "@/lib/member";
import { DEFAULT_LOCALE, type AnyLocale } from "@/lib/i18n/locales";
import { messageRef, parseMessageRef } from "@/lib/i18n/message-ref";
import { translateRef } from "./i18n/translator";
import { currentRequestId, inRequestScope } from "./http/request-id";

// ── Context ──────────────────────────────────────────────────────────────────────────────────────

export interface Context {
  db: Db;
  session: AppSession | null;
  mailer: Mailer;
  /** The requester's address for per-address limits (server/http/client-address.ts); tests' callers may leave it out. */
  clientAddress?: string;
  /** This request's access-check memo (server/access.ts); request contexts have one, tests' callers may not. */
  accessChecks?: AccessChecks;
  /** This request's id (server/http/request-id.ts): on its log lines and in its error answers; tests' callers may leave it out. */
  requestId?: string;
  /** The language error messages are put in (server/i18n/locale.ts); English when left out. */
  locale?: AnyLocale;
  /**
   * Puts a cookie naming a rotated session on this request's answer (server/auth/recent-proof.ts);
   * only where the answer can still carry one (not a streamed batch, not a server component).
   */
  replaceSessionCookie?: (sessionId: string) => Promise<void>;
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
  transformer: wireFormat,
  // Live streams (SSE): a ping keeps proxies from closing a quiet stream, and a client that hears
  // nothing (not even a ping) for 30 s assumes the connection is dead and reconnects.
  sse: { ping: { enabled: true, intervalMs: 10_000 }, client: { reconnectAfterInactivityMs: 30_000 } },
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    // Errors and the contracts' messages are message references (lib/i18n/message-ref.ts): put in the caller's words here.
    const locale = ctx?.locale ?? DEFAULT_LOCALE;
    const words = (text: string) => translateRef(text, locale);
    let fieldErrors: Record<string, string[]> | null = null;
    if (cause instanceof z.ZodError) {
      const flat = z.flattenError(cause).fieldErrors as Record<string, string[] | undefined>;
      fieldErrors = Object.fromEntries(Object.entries(flat).map(([field, messages]) => [field, (messages ?? []).map(words)]));
    } else if (cause instanceof FieldError) fieldErrors = { [cause.field]: [words(cause.message)] };
    // An unexpected error (a database error, a bug) says nothing of itself, in every environment:
    // its message may hold SQL with what someone typed. The route's onError logs what it was.
    const unexpected = error.code === "INTERNAL_SERVER_ERROR";
    const requestId = ctx?.requestId ?? currentRequestId();
    // The person is given the request's id to quote, which leads to the log line of what failed.
    const unexpectedMessage = requestId ? messageRef("errors.unexpectedWithReference", { reference: requestId }) : UNEXPECTED_ERROR_MESSAGE;
    return {
      code: shape.code,
      // A zod failure's raw message is a JSON dump; forms read fieldErrors instead.
      message: words(unexpected ? unexpectedMessage : cause instanceof z.ZodError ? "errors.fieldsNeedAttention" : shape.message),
      // Named fields only: never a stack or a cause.
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        // Every error answer names its request, so a report can be matched with the log.
        requestId,
        // The message's catalogue key, for a client that wants to react to one message (not its words).
        messageKey: parseMessageRef(unexpected ? UNEXPECTED_ERROR_MESSAGE : shape.message)?.key,
        fieldErrors,
        // On CONFLICT: the version now saved, so the person can compare it with theirs.
        current: cause instanceof StaleVersion ? (cause.current as unknown) : undefined,
        // On FORBIDDEN: a fresh "confirm it's you" would let this through (server/auth/recent-proof.ts).
        proofRequired: cause instanceof ProofRequired ? true : undefined,
        // On FORBIDDEN: the case's owner requires two-step sign-in, which this member has not set up (server/access.ts).
        twoStepRequired: cause instanceof TwoStepRequired ? true : undefined,
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
  // A server component's caller runs outside any route's scope: its log lines get the page request's id.
  const run = () => (ctx.requestId && ctx.requestId !== currentRequestId() ? inRequestScope(ctx.requestId, next) : next());
  const result = await withinDeadline(breaker, run, () => new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DEADLINE_MESSAGE }));
  if (type === "mutation") ctx.accessChecks?.clear();
  // The database stopped the work at the statement timeout (docs/decisions/0032): nothing of it committed.
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && isStatementTimeout(result.error.cause)) {
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DEADLINE_MESSAGE, cause: result.error.cause });
  }
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
export const protectedProcedure = publicProcedure.use(async ({ ctx, next, type, path }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: messageRef("errors.signIn") });
  const userId = ctx.session.user.id;
  const [user] = await checkOnce(ctx.accessChecks, userCheckKey(userId), () => ctx.db.select({ id: users.id }).from(users).where(eq(users.id, userId)));
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: messageRef("errors.signIn") });
  // A change the person made restarts the idle limit; reads and background traffic do not.
  if (countsAsActivity(type, path)) await noteActivity(ctx.db, ctx.session.sessionId);
  const result = await next({ ctx: { ...ctx, session: ctx.session } });
  // Every refused authorization below this rung (caseProcedure's rule, a handler's own check) is logged here, once.
  if (!result.ok) logRefusal(result.error, { userId, procedure: path });
  return result;
});

/**
 * The only way into case data from tRPC. Takes `caseId` from the input and applies
 * `requireCaseMember` (server/access.ts). Handlers get `{ caseId, role, userId, memberId }` and must filter every query
 * by `ctx.caseId` as well as the row id.
 */
export function caseProcedure(minRole: CaseRole) {
  return protectedProcedure
    .meta({ minRole })
    .input(z.object({ caseId: z.uuid(messageRef("errors.caseLink")) }))
    .use(async ({ ctx, input, next }) =>
      next({ ctx: await requireCaseMember(ctx.db, input.caseId, ctx.session.user.id, minRole, ctx.accessChecks) }),
    );
}

