/**
 * A person's notification settings (issue 17 §3): per kind, its own email, the digest, or nothing;
 * and the hour of their digest in their own time zone. Stored on `users`; read by the reminders at
 * the moment they are sent, so a change applies to what is already queued.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { NotificationChannel, NotificationKind, TNotificationSettings } from "@/lib/notification";
import { config } from "@/server/env";

/** The `users` column holding each kind's channel. */
export const CHANNEL_COLUMN = {
  assigned: users.notifyAssigned,
  due: users.notifyDue,
  visit: users.notifyVisit,
  new: users.notifyNew,
} as const satisfies Record<NotificationKind, unknown>;

const CHANNEL_FIELD = { assigned: "notifyAssigned", due: "notifyDue", visit: "notifyVisit", new: "notifyNew" } as const satisfies Record<NotificationKind, keyof typeof users.$inferSelect>;

export async function notificationSettings(db: Db, userId: string): Promise<TNotificationSettings> {
  const [row] = await db
    .select({ ...CHANNEL_COLUMN, digestHour: users.digestHour, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new Error("No such account");
  const { digestHour, timeZone, ...channels } = row;
  return { channels, digestHour: digestHour ?? config().digestHour, timeZone: timeZone ?? "UTC" };
}

/**
 * Saves the settings. Starting to use the digest starts its clock: the first one covers what happens
 * from now on, not everything since the account was made.
 */
export async function setNotificationSettings(db: Db, userId: string, settings: TNotificationSettings): Promise<void> {
  const before = await notificationSettings(db, userId);
  const usedDigest = Object.values(before.channels).includes("digest");
  const usesDigest = Object.values(settings.channels).includes("digest");
  await db
    .update(users)
    .set({
      ...Object.fromEntries(Object.entries(settings.channels).map(([kind, channel]) => [CHANNEL_FIELD[kind as NotificationKind], channel])),
      digestHour: settings.digestHour,
      timeZone: settings.timeZone,
      ...(usesDigest && !usedDigest ? { lastDigestAt: new Date() } : {}),
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId));
}

/** Every kind the person gets in their digest turns off: the digest's own unsubscribe link. */
export async function turnOffDigest(db: Db, userId: string): Promise<void> {
  const settings = await notificationSettings(db, userId);
  const off = Object.entries(settings.channels).filter(([, channel]) => channel === "digest").map(([kind]) => [CHANNEL_FIELD[kind as NotificationKind], "off" satisfies NotificationChannel]);
  if (off.length > 0) await db.update(users).set(Object.fromEntries(off)).where(eq(users.id, userId));
}

/** Turns one kind off (the unsubscribe link). */
export async function turnOff(db: Db, userId: string, kind: NotificationKind): Promise<void> {
  await db.update(users).set({ [CHANNEL_FIELD[kind]]: "off" satisfies NotificationChannel }).where(eq(users.id, userId));
}
