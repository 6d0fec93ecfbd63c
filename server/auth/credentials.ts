/** Checks an email and password, with throttling; the one place a password is compared. */
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { ZSignInInput } from "@/lib/account";
import { logServerEvent } from "@/server/audit-log";
import type { Mailer } from "@/server/mail";
import { warnOfGuessing } from "./guessing-warning";
import { deviceHashOf, isKnownDevice } from "./known-devices";
import { timingDummyHash, verifyPassword } from "./passwords";
import type { SessionUser } from "./sessions";
import { beginSignInAttempt, recordSignInSuccess } from "./throttle";

export type CredentialsResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

/** The browser signing in (its verified device-cookie id, if any) and where to send an attack warning. */
export interface SignInContext {
  deviceId?: string | null;
  mailer?: Mailer;
}

export async function verifyCredentials(db: Db, input: unknown, ip: string, context: SignInContext = {}): Promise<CredentialsResult> {
  const parsed = ZSignInInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email));
  const deviceId = context.deviceId ?? null;
  const device = {
    deviceHash: deviceId ? deviceHashOf(deviceId) : null,
    known: Boolean(user && deviceId && (await isKnownDevice(db, user.id, deviceId))),
  };

  const attempt = await beginSignInAttempt(db, email, ip, device);
  const logged = { userId: user?.id ?? "none", ip, knownDevice: device.known };
  if (!attempt.allowed) {
    logServerEvent("sign-in.throttled", { ...logged, by: attempt.by });
    // Unknown browsers are held back for this account: someone is guessing; the person hears of it.
    if (attempt.by === "account" && user && context.mailer) await warnOfGuessing(db, context.mailer, user);
    return { ok: false, reason: "throttled", retryAfterMinutes: attempt.retryAfterMinutes };
  }

  const matches = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), password);
  if (!user || !matches) {
    logServerEvent("sign-in.failed", logged);
    return { ok: false, reason: "invalid" };
  }

  await recordSignInSuccess(db, attempt.attemptId, email, device);
  logServerEvent("sign-in.succeeded", logged);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}
