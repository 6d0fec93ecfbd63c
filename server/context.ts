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
import { localeOf } from "@/server/i18n/locale";

/** `requestHeaders`: the route handler's request; server components read them from Next. */
export async function createRequestContext(requestHeaders?: Headers): Promise<Context> {
  try {
    const session = await getSession();
    const headerList = requestHeaders ?? (await headers());
    return createContextInner({
      db: await getDb(),
      session,
      mailer: getMailer(),
      clientAddress: requestClientAddress(headerList),
      accessChecks: newAccessChecks(session),
      locale: await localeOf(headerList),
    });
  } catch (error) {
    if (error instanceof DatabaseUnavailable || isDatabaseUnavailable(error)) {
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: new DatabaseUnavailable().message, cause: error });
    }
    throw error;
  }
}
