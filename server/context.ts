/** The request context for the tRPC route handler and the server-side caller. */
import { getSession } from "./auth";
import { getDb } from "./db";
import { getMailer } from "./mail";
import { createContextInner, type Context } from "./trpc";

export async function createRequestContext(): Promise<Context> {
  return createContextInner({ db: await getDb(), session: await getSession(), mailer: getMailer() });
}
