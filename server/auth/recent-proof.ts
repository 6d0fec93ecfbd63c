/**
 * "Confirm it's you": sensitive actions (security settings, export, deleting, changing the email,
 * handing over a case) need a proof of identity from this browser within the last few minutes, so a
 * session left open on a shared computer cannot be used to take the account or its data.
 * A proof is any factor checked on this session: signing in, a password, a second factor, a passkey or
 * an emailed link. It is kept on the session row, so it ends with the session.
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messageRef } from "@/lib/i18n/message-ref";
import { authSessions } from "@/db/schema";

export const RECENT_PROOF_MINUTES = 10;

/** The cause of a refusal that a fresh proof would turn into a pass; the client asks and retries. */
export class ProofRequired extends Error {
  constructor() {
    super("proof required");
    this.name = "ProofRequired";
  }
}

/** Records that the person behind this session has just proved who they are. */
export async function markProof(db: Db, sessionId: string): Promise<void> {
  await db.update(authSessions).set({ provedAt: new Date() }).where(eq(authSessions.id, sessionId));
}

/** Throws FORBIDDEN (with `data.proofRequired` for the client) unless this session proved itself lately. */
export async function requireRecentProof(db: Db, sessionId: string): Promise<void> {
  const since = new Date(Date.now() - RECENT_PROOF_MINUTES * 60_000);
  const [fresh] = await db
    .select({ id: authSessions.id })
    .from(authSessions)
    .where(and(eq(authSessions.id, sessionId), gt(authSessions.provedAt, since)));
  if (fresh) return;
  throw new TRPCError({
    code: "FORBIDDEN",
    message: messageRef("account.errors.proofRequired"),
    cause: new ProofRequired(),
  });
}
