/** Checks that an opinion id sent with a question or note is one of this case's opinions. */
import "server-only";
import { messageRef } from "@/lib/i18n/message-ref";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { opinions } from "@/db/schema";
import { fieldError } from "@/server/errors";

export async function assertOpinionInCase(db: Db, caseId: string, opinionId: string | null): Promise<void> {
  if (!opinionId) return;
  const [row] = await db.select({ id: opinions.id }).from(opinions).where(and(eq(opinions.id, opinionId), eq(opinions.caseId, caseId)));
  if (!row) throw fieldError("opinionId", messageRef("opinions.errors.goneChooseAnother"));
}

/** For an edit's `set`: an opinion tie left out of the input stays as it is. */
export function keepUnlessGiven(opinionId: string | null | undefined): { opinionId?: string | null } {
  return opinionId === undefined ? {} : { opinionId };
}
