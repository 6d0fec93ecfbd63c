/** Checks an email and password, with throttling; the one place a password is compared. */
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { ZSignInInput } from "@/lib/account";
import { timingDummyHash, verifyPassword } from "./passwords";
import type { SessionUser } from "./sessions";
import { beginSignInAttempt, recordSignInSuccess } from "./throttle";

export type CredentialsResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

export async function verifyCredentials(db: Db, input: unknown, ip: string): Promise<CredentialsResult> {
  const parsed = ZSignInInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const attempt = await beginSignInAttempt(db, email, ip);
  if (!attempt.allowed) return { ok: false, reason: "throttled", retryAfterMinutes: attempt.retryAfterMinutes };

  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email));
  const matches = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), password);
  if (!user || !matches) return { ok: false, reason: "invalid" };

  await recordSignInSuccess(db, attempt.attemptId, email);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}
