/**
 * Device cookies (OWASP "Slow down online guessing attacks with device cookies"): a browser that
 * signs in to an account with the right password is remembered for that account, so wrong passwords
 * tried elsewhere never lock it out (throttle.ts counts its failures apart).
 *
 * The cookie holds a random id for the browser, signed with AUTH_SECRET so a made-up one is turned
 * away without a database look-up; the server keeps only the id's SHA-256 per account it signed in to.
 */
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { knownDevices } from "@/db/schema";
import { hashToken } from "./tokens";

/** A year: the person's own browser stays known unless its cookies are cleared. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** `__Host-` (https only) keeps the cookie to this exact site, set only over https and for every path. */
export function deviceCookieName(secure: boolean): string {
  return secure ? "__Host-secondlook.device" : "secondlook.device";
}

const signature = (id: string, secret: string) => createHmac("sha256", secret).update(`device:${id}`).digest("base64url");

export function newDeviceId(): string {
  return randomBytes(16).toString("base64url");
}

/** The cookie's value for a device id. */
export function signedDeviceCookie(id: string, secret: string): string {
  return `${id}.${signature(id, secret)}`;
}

/** The device id in a cookie value, or null when it is missing, malformed or not signed by us. */
export function readDeviceCookie(value: string | undefined | null, secret: string): string | null {
  const match = /^([\w-]{22})\.([\w-]{43})$/.exec(value ?? "");
  if (!match?.[1] || !match[2]) return null;
  const expected = Buffer.from(signature(match[1], secret));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : null;
}

/** The device cookie's value in a request's Cookie header. */
export function deviceCookieFromHeader(cookieHeader: string | null, secure: boolean): string | null {
  const name = deviceCookieName(secure);
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

export const deviceHashOf = (deviceId: string) => hashToken(deviceId);

export async function isKnownDevice(db: Db, userId: string, deviceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: knownDevices.id })
    .from(knownDevices)
    .where(and(eq(knownDevices.userId, userId), eq(knownDevices.deviceHash, deviceHashOf(deviceId))));
  return Boolean(row);
}

/** Remembers (or refreshes) this browser for the account, after a right password. */
export async function rememberDevice(db: Db, userId: string, deviceId: string): Promise<void> {
  await db
    .insert(knownDevices)
    .values({ userId, deviceHash: deviceHashOf(deviceId) })
    .onConflictDoUpdate({ target: [knownDevices.userId, knownDevices.deviceHash], set: { lastSignInAt: sql`now()` } });
}

/** Forgets every browser of the account (a password reset: whoever knew the old one is a stranger again). */
export async function forgetDevices(db: Db, userId: string): Promise<void> {
  await db.delete(knownDevices).where(eq(knownDevices.userId, userId));
}
