/** tRPC callers for integration tests: the real router and context, on a test database. */
import type { Db } from "@/db/client";
import { createAuthSession } from "@/server/auth/sessions";
import { createLogMailer, type Mailer } from "@/server/mail";
import { createCaller } from "@/server/routers/_app";
import { newAccessChecks } from "@/server/access";
import { createContextInner } from "@/server/trpc";

const silentMailer = createLogMailer(() => {});

/**
 * `asOneRequest` gives the caller the per-request access-check memo that production requests have:
 * every call through it then counts as part of one request (a test's caller usually stands for many).
 */
export function anonymousCaller(db: Db, mailer: Mailer = silentMailer, { asOneRequest = false } = {}) {
  return createCaller(createContextInner({ db, session: null, mailer, accessChecks: asOneRequest ? newAccessChecks(null) : undefined }));
}

/** A caller signed in as `user`, with a real server-side session row. `signal` ends its subscriptions. */
export async function callerFor(
  db: Db,
  user: { id: string; name: string; email: string },
  mailer: Mailer = silentMailer,
  signal?: AbortSignal,
  { asOneRequest = false } = {},
) {
  const sessionId = await createAuthSession(db, user.id);
  const session = { user: { id: user.id, name: user.name, email: user.email }, sessionId };
  return createCaller(createContextInner({ db, session, mailer, accessChecks: asOneRequest ? newAccessChecks(session) : undefined }), { signal });
}

/**
 * A caller as the tRPC route makes one for an unstreamed request: it can hand the browser a new session
 * cookie, so a fresh proof renews the session. `cookies` collects the session ids handed out.
 */
export async function renewableCallerFor(
  db: Db,
  user: { id: string; name: string; email: string },
  mailer: Mailer = silentMailer,
  origin: Parameters<typeof createAuthSession>[2] = {},
) {
  const sessionId = await createAuthSession(db, user.id, origin);
  const session = { user: { id: user.id, name: user.name, email: user.email }, sessionId };
  const cookies: string[] = [];
  const caller = createCaller(
    createContextInner({
      db,
      session,
      mailer,
      replaceSessionCookie: async (id) => {
        cookies.push(id);
      },
    }),
  );
  return { caller, sessionId, cookies };
}
