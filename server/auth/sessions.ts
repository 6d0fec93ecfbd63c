/**
 * Server-side sessions behind the JWT cookie. The cookie only names a row here; a missing or
 * expired row means "signed out", which is how sign-out, "sign out everywhere" and a password
 * change take effect at once on every device.
 */
import "server-only";
import { and, eq, gt, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { authSessions, publicUserColumns, users } from "@/db/schema";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export type SessionUser = { id: string; name: string; email: string };

export async function createAuthSession(db: Db, userId: string): Promise<string> {
  const [row] = await db
    .insert(authSessions)
    .values({ userId, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) })
    .returning({ id: authSessions.id });
  if (!row) throw new Error("session was not created");
  return row.id;
}

/** The user behind a live session, or null when the session was revoked, expired, or the user is gone. */
export async function findSessionUser(db: Db, sessionId: string): Promise<SessionUser | null> {
  const [row] = await db
    .select(publicUserColumns)
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.id, sessionId), gt(authSessions.expiresAt, new Date())));
  return row ?? null;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.id, sessionId));
}

/** Ends every session of the user, optionally keeping the one making the request. */
export async function revokeUserSessions(db: Db, userId: string, keepSessionId?: string): Promise<void> {
  await db
    .delete(authSessions)
    .where(keepSessionId ? and(eq(authSessions.userId, userId), ne(authSessions.id, keepSessionId)) : eq(authSessions.userId, userId));
}
