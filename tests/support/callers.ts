/** tRPC callers for integration tests: the real router and context, on a test database. */
import type { Db } from "@/db/client";
import { createAuthSession } from "@/server/auth/sessions";
import { createLogMailer, type Mailer } from "@/server/mail";
import { createCaller } from "@/server/routers/_app";
import { createContextInner } from "@/server/trpc";

const silentMailer = createLogMailer(() => {});

export function anonymousCaller(db: Db, mailer: Mailer = silentMailer) {
  return createCaller(createContextInner({ db, session: null, mailer }));
}

/** A caller signed in as `user`, with a real server-side session row. `signal` ends its subscriptions. */
export async function callerFor(
  db: Db,
  user: { id: string; name: string; email: string },
  mailer: Mailer = silentMailer,
  signal?: AbortSignal,
) {
  const sessionId = await createAuthSession(db, user.id);
  return createCaller(
    createContextInner({ db, session: { user: { id: user.id, name: user.name, email: user.email }, sessionId }, mailer }),
    { signal },
  );
}
