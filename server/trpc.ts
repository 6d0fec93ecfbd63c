/**
 * tRPC setup, in three parts: context → init (superjson, error shape) → procedure builders.
 * Edit this file only to change what every procedure gets (context) or a rung of the ladder
 * public → protected → case(minRole). Routers live in server/routers/, one file per domain.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { AppSession } from "./auth";
import { FieldError } from "./errors";
import type { Mailer } from "./mail";

// ── Context ──────────────────────────────────────────────────────────────────────────────────────

export interface Context {
  db: Db;
  session: AppSession | null;
  mailer: Mailer;
}

/** Builds a context from its parts; tests call this directly with a test database. */
export function createContextInner(parts: Context): Context {
  return parts;
}

// ── Init ─────────────────────────────────────────────────────────────────────────────────────────

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let fieldErrors: Record<string, string[]> | null = null;
    if (cause instanceof ZodError) fieldErrors = z.flattenError(cause).fieldErrors as Record<string, string[]>;
    else if (cause instanceof FieldError) fieldErrors = { [cause.field]: [cause.message] };
    return {
      ...shape,
      // A zod failure's raw message is a JSON dump; forms read fieldErrors instead.
      message: cause instanceof ZodError ? "Some fields need attention." : shape.message,
      data: { ...shape.data, stack: undefined, fieldErrors },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

// ── Procedures ───────────────────────────────────────────────────────────────────────────────────

export const publicProcedure = t.procedure;

/**
 * Signed in, and the account still exists: a JWT outlives a deleted account, so the user is
 * re-checked on every call. Puts a non-null `session` on the context.
 */
export const protectedProcedure = t.procedure.use(async ({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  const [user] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, ctx.session.user.id));
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { ...ctx, session: ctx.session } });
});
