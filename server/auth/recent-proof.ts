/**
 * "Confirm it's you": sensitive actions (security settings, export, deleting, changing the email,
 * handing over a case) need a proof of identity from this browser within the last few minutes, so a
 * session left open on a shared computer cannot be used to take the account or its data.
 * A proof is any factor checked on this session: signing in, a password, a second factor, a passkey or
 * an emailed link. It is kept on the session row, so it ends with the session.
 * Proving oneself again also rotates the session (ASVS 7.2.4): a new session id in a new cookie, the
 * old one dead, so a session token seen before the proof (on a shared screen, in a log) gains nothing.
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messageRef } from "@/lib/i18n/message-ref";
import { authSessions } from "@/db/schema";
import { rotateSession } from "./sessions";

export const RECENT_PROOF_MINUTES = 10;

/** The cause of a refusal that a fresh proof would turn into a pass; the client asks and retries. */
export class ProofRequired extends Error {
  constructor() {
    super("proof required");
    this.name = "ProofRequired";
  }
}

/** What recording a proof needs from the request: the tRPC context has exactly these. */
export interface ProvingRequest {
  db: Db;
  /** The session proved; its id is replaced in place, so later calls in the same request use the new one. */
  session: { sessionId: string };
  /**
   * Hands the browser a cookie naming the new session. Given by every request that can still set a
   * cookie (a server action, a tRPC request answered in one piece: components/trpc sends the proof
   * procedures that way); without it the session cannot be rotated and only the proof is recorded.
   */
  replaceSessionCookie?: (sessionId: string) => Promise<void>;
}

/** Records that the person behind this session has just proved who they are, rotating the session. */
export async function markProof(request: ProvingRequest): Promise<void> {
  const { db, session, replaceSessionCookie } = request;
  if (!replaceSessionCookie) {
    await db.update(authSessions).set({ provedAt: new Date() }).where(eq(authSessions.id, session.sessionId));
    return;
  }
  const next = await rotateSession(db, session.sessionId);
  if (!next) throw new TRPCError({ code: "UNAUTHORIZED", message: messageRef("errors.signIn") });
  await replaceSessionCookie(next);
  session.sessionId = next;
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
