/** The request context for the tRPC route handler and the server-side caller. */
import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { getSession } from "./auth";
import { DatabaseUnavailable, isDatabaseUnavailable } from "@/server/database/outage";
import { getDb } from "@/server/database/connection";
import { getMailer } from "./mail";
import { createContextInner, type Context } from "./trpc";
import { newAccessChecks } from "@/server/access";
import { requestClientAddress } from "@/server/http/client-address";

/** `requestHeaders`: the route handler's request; server components read them from Next. */
export async function createRequestContext(requestHeaders?: Headers): Promise<Context> {
  try {
    const session = await getSession();
    return createContextInner({
      db: await getDb(),
      session,
      mailer: getMailer(),
      clientAddress: requestClientAddress(requestHeaders ?? (await headers())),
      accessChecks: newAccessChecks(session),
    });
  } catch (error) {
    if (error instanceof DatabaseUnavailable || isDatabaseUnavailable(error)) {
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: new DatabaseUnavailable().message, cause: error });
    }
    throw error;
  }
}
