/**
 * Each person's private calendar feed: an address with a long random token (shown once, stored only as
 * its SHA-256, like invitations), which calendar apps read without signing in. It lists the events of
 * the cases the person may open at the moment of reading — a case they left, were removed from or whose
 * access ended drops out at the next refresh — and nothing else. Making a new address replaces the old
 * one; turning the feed off deletes it; either way the old address answers 404 like one that never was.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarFeeds, users } from "@/db/schema";
import { openCasesOf } from "@/server/access";
import { createToken, hashToken } from "@/server/auth/tokens";
import { config } from "@/server/env";
import { translatorFor } from "@/server/i18n/translator";
import type { FeedSource } from "./feed-source";
import { toICalendar } from "./ics";
import { taskEvents } from "./tasks";
import { visitEvents } from "./visits";

/** Every kind of dated item in the feed (see feed-source.ts). */
const FEED_SOURCES: FeedSource[] = [visitEvents, taskEvents];

/** The path of a feed; calendar apps like the `.ics` ending. */
export const feedPath = (token: string) => `/api/calendar/${token}.ics`;

/** The feed's two addresses: `webcal:` opens the calendar app to subscribe, https is for pasting into one. */
export function feedAddresses(token: string): { https: string; webcal: string } {
  const https = `${config().appUrl}${feedPath(token)}`;
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}

/** Whether the person has a feed, and since when. */
export async function feedStatus(db: Db, userId: string): Promise<{ createdAt: Date } | null> {
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row ?? null;
}

/** A new address for the person's feed; any earlier one stops working in the same statement. */
export async function renewFeed(db: Db, userId: string): Promise<{ token: string; createdAt: Date }> {
  const { token, tokenHash } = createToken();
  const [row] = await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: sql`now()` } })
    .returning({ createdAt: calendarFeeds.createdAt });
  return { token, createdAt: row!.createdAt };
}

export async function revokeFeed(db: Db, userId: string): Promise<void> {
  await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The calendar behind `token`, or null for a token that is malformed, wrong or revoked — the caller
 * answers all three the same way, so the answer reveals nothing about which tokens exist.
 */
export async function readFeed(db: Db, token: string): Promise<string | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [owner] = await db
    .select({ userId: calendarFeeds.userId, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, hashToken(token)));
  if (!owner) return null;
  const reader = { userId: owner.userId, locale: owner.locale, cases: await openCasesOf(db, owner.userId) };
  const events = (await Promise.all(FEED_SOURCES.map((source) => source(db, reader)))).flat();
  return toICalendar(events, translatorFor(owner.locale)("opinions.calendar.feedName"));
}
