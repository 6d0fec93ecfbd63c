/**
 * Server-side sessions behind the JWT cookie. The cookie only names a row here; a missing or
 * expired row means "signed out", which is how sign-out, "sign out everywhere" and a password
 * change take effect at once on every device.
 * Two limits end a session (docs/decisions/0026): an idle limit counted from `last_seen_at`, which
 * only real interactions move (`touchSession`), and an absolute one (`expires_at`). A session the
 * person chose to keep on their own device ("remembered") has no idle limit and lasts days.
 */
import "server-only";
import { and, desc, eq, gt, lte, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { authSessions, publicUserColumns, users } from "@/db/schema";
import type { SessionClock } from "@/lib/vocabulary/session";
import { config } from "@/server/env";
import { requestClientAddress } from "@/server/http/client-address";
import { requestRoughPlace } from "@/server/http/rough-place";

/** The longest any session can last: the JWT cookie's own lifetime (the row decides sooner). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export type SessionUser = { id: string; name: string; email: string };

/** How a session began: "keep me signed in", and the browser, address and rough place it came from. */
export interface SessionOrigin {
  remembered?: boolean;
  userAgent?: string | null;
  ip?: string | null;
  place?: string | null;
}

/** The origin of a session signed in by this request (next-auth's `authorize` gets it). */
export function sessionOriginOf(request: Request, remembered = false): SessionOrigin {
  return {
    remembered,
    ip: requestClientAddress(request.headers),
    userAgent: request.headers.get("user-agent"),
    place: requestRoughPlace(request.headers),
  };
}

function limits() {
  return config().session;
}

/** Sessions idle since before this moment have ended (unless remembered). */
function idleCutoff(): Date {
  return new Date(Date.now() - limits().idleSeconds * 1000);
}

/** A session still within both limits. */
function alive() {
  return and(gt(authSessions.expiresAt, new Date()), or(eq(authSessions.remembered, true), gt(authSessions.lastSeenAt, idleCutoff())));
}

/** "Keep me signed in" is offered only when SESSION_REMEMBER_DAYS is above 0. */
export function rememberingAllowed(): boolean {
  return limits().rememberSeconds > 0;
}

export async function createAuthSession(db: Db, userId: string, origin: SessionOrigin = {}): Promise<string> {
  const remembered = Boolean(origin.remembered) && rememberingAllowed();
  const lifetimeSeconds = remembered ? limits().rememberSeconds : limits().maxSeconds;
  const [row] = await db
    .insert(authSessions)
    .values({
      userId,
      expiresAt: new Date(Date.now() + lifetimeSeconds * 1000),
      remembered,
      userAgent: origin.userAgent?.slice(0, 512) || null,
      ip: origin.ip?.slice(0, 64) || null,
      place: origin.place?.slice(0, 120) || null,
    })
    .returning({ id: authSessions.id });
  if (!row) throw new Error("session was not created");
  return row.id;
}

/**
 * The user behind a live session, or null when the session was revoked, ran out (idle or absolute),
 * or the user is gone. Only reads: checking a session is not activity. An ended row is removed.
 */
export async function findSessionUser(db: Db, sessionId: string): Promise<SessionUser | null> {
  const [row] = await db
    .select(publicUserColumns)
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.id, sessionId), alive()));
  if (row) return row;
  await db
    .delete(authSessions)
    .where(
      and(
        eq(authSessions.id, sessionId),
        or(lte(authSessions.expiresAt, new Date()), and(eq(authSessions.remembered, false), lte(authSessions.lastSeenAt, idleCutoff()))),
      ),
    );
  return null;
}

/**
 * The person did something (a page load, a change, typing or clicking): the idle limit starts again.
 * Written at most about once a minute per session (more often only under a test's very short limit),
 * and never revives a session that has already ended.
 */
export async function touchSession(db: Db, sessionId: string): Promise<void> {
  const throttleSeconds = Math.min(60, Math.floor(limits().idleSeconds / 4));
  await db
    .update(authSessions)
    .set({ lastSeenAt: sql`now()` })
    .where(
      and(
        eq(authSessions.id, sessionId),
        alive(),
        sql`${authSessions.lastSeenAt} < now() - make_interval(secs => ${throttleSeconds})`,
      ),
    );
}

/**
 * Mutations the browser sends by itself, not because the person did something: presence heartbeats
 * and "seen" marks. They must not count as activity, or the idle limit would never come while a
 * case is open. Every other mutation is something the person did (server/trpc.ts).
 */
const BACKGROUND_MUTATIONS = new Set(["live.heartbeat", "live.markSectionSeen", "case.markSeen"]);

export function countsAsActivity(type: "query" | "mutation" | "subscription", path: string): boolean {
  return type === "mutation" && !BACKGROUND_MUTATIONS.has(path);
}

/** Sessions this process touched lately: most activity then costs no query at all. */
const recentlyTouched = new Map<string, number>();

/** `touchSession`, skipped when this process already touched the session within the throttle period. */
export async function noteActivity(db: Db, sessionId: string): Promise<void> {
  const now = Date.now();
  const throttleMs = Math.min(60, Math.floor(limits().idleSeconds / 4)) * 1000;
  if (now - (recentlyTouched.get(sessionId) ?? 0) < throttleMs) return;
  if (recentlyTouched.size > 10_000) recentlyTouched.clear();
  recentlyTouched.set(sessionId, now);
  await touchSession(db, sessionId);
}

export interface SessionTimes {
  /** When the idle limit ends the session if nothing happens; null for a remembered session. */
  idleEndsAt: Date | null;
  /** The absolute end, whatever happens. */
  endsAt: Date;
  idleSeconds: number;
}

/** When this session will end, or null when it has ended. Only reads. */
export async function sessionTimes(db: Db, sessionId: string): Promise<SessionTimes | null> {
  const [row] = await db
    .select({ lastSeenAt: authSessions.lastSeenAt, expiresAt: authSessions.expiresAt, remembered: authSessions.remembered })
    .from(authSessions)
    .where(and(eq(authSessions.id, sessionId), alive()));
  if (!row) return null;
  const { idleSeconds } = limits();
  const idleEnd = row.lastSeenAt.getTime() + idleSeconds * 1000;
  const idleEndsAt = row.remembered ? null : new Date(Math.min(idleEnd, row.expiresAt.getTime()));
  return { idleEndsAt, endsAt: row.expiresAt, idleSeconds };
}

/** The session's clock for the browser's guard; `touch` notes activity first (a ping, a page load). */
export async function sessionClock(db: Db, sessionId: string, { touch }: { touch: boolean }): Promise<SessionClock> {
  if (touch) await noteActivity(db, sessionId);
  const times = await sessionTimes(db, sessionId);
  if (!times) return { state: "ended" };
  return { state: "active", now: Date.now(), idleEndsAt: times.idleEndsAt?.getTime() ?? null, endsAt: times.endsAt.getTime(), idleSeconds: times.idleSeconds };
}

/** The person's live sessions, most recently used first, for the account page's list. */
export async function listUserSessions(db: Db, userId: string) {
  return db
    .select({
      id: authSessions.id,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
      expiresAt: authSessions.expiresAt,
      remembered: authSessions.remembered,
      userAgent: authSessions.userAgent,
      ip: authSessions.ip,
      place: authSessions.place,
    })
    .from(authSessions)
    .where(and(eq(authSessions.userId, userId), alive()))
    .orderBy(desc(authSessions.lastSeenAt), desc(authSessions.createdAt));
}

/**
 * A new session in place of this one (ASVS 7.2.4), after the person proved themselves again: the same
 * device, limits and history under a new id, marked freshly proved; the old id is dead at once.
 * Null when the session had already ended.
 */
export async function rotateSession(db: Db, sessionId: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [old] = await tx.delete(authSessions).where(and(eq(authSessions.id, sessionId), alive())).returning();
    if (!old) return null;
    const { id, ...kept } = old;
    const [row] = await tx
      .insert(authSessions)
      .values({ ...kept, provedAt: new Date(), rotatedFrom: id })
      .returning({ id: authSessions.id });
    return row?.id ?? null;
  });
}

/**
 * The live session that replaced this one within the last `withinSeconds`, or null. A request that set
 * off before the browser got its new cookie is answered "ask again" rather than "signed out" (the
 * session clock), and a live stream opened under the old cookie goes on under the new session; the
 * old id itself authenticates nothing.
 */
export async function successorOf(db: Db, sessionId: string, withinSeconds?: number): Promise<string | null> {
  const [row] = await db
    .select({ id: authSessions.id })
    .from(authSessions)
    .where(
      and(
        eq(authSessions.rotatedFrom, sessionId),
        alive(),
        withinSeconds === undefined ? undefined : gt(authSessions.provedAt, sql`now() - make_interval(secs => ${withinSeconds})`),
      ),
    );
  return row?.id ?? null;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.id, sessionId));
}

/** Ends one session of this user (never someone else's); false when there was none. */
export async function revokeOwnSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const ended = await db
    .delete(authSessions)
    .where(and(eq(authSessions.id, sessionId), eq(authSessions.userId, userId)))
    .returning({ id: authSessions.id });
  return ended.length > 0;
}

/** Ends every session of the user, optionally keeping the one making the request. */
export async function revokeUserSessions(db: Db, userId: string, keepSessionId?: string): Promise<void> {
  await db
    .delete(authSessions)
    .where(keepSessionId ? and(eq(authSessions.userId, userId), ne(authSessions.id, keepSessionId)) : eq(authSessions.userId, userId));
}
