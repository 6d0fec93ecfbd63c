/**
 * A signed-in person confirming their password (to change it, or to delete the account). It guesses
 * the same secret as signing in, so it counts against the same limit: with a stolen session, the
 * password still cannot be found by trying.
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { messageRef } from "@/lib/i18n/message-ref";
import { fieldError } from "@/server/errors";
import { verifyPassword } from "./passwords";
import { requireRecentProof } from "./recent-proof";
import { beginSignInAttempt, recordSignInSuccess } from "./throttle";

export async function confirmPassword(db: Db, userId: string, password: string, wrong: { field: string; message: string }) {
  const [user] = await db
    .select({ name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: messageRef("account.errors.signInAgain") });
  // Counted apart from strangers' sign-in failures, like a known browser: guessing elsewhere never
  // stops the signed-in person from confirming, and a stolen session still gets only a few guesses.
  const device = { deviceHash: `signed-in:${userId}`, known: true };
  const attempt = await beginSignInAttempt(db, user.email, `account:${userId}`, device);
  if (!attempt.allowed) {
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: messageRef("account.errors.tooManyPasswords", { minutes: attempt.retryAfterMinutes }),
    });
  }
  if (!(await verifyPassword(user.passwordHash, password))) throw fieldError(wrong.field, wrong.message);
  await recordSignInSuccess(db, attempt.attemptId, user.email, device);
  return { name: user.name, email: user.email };
}

/**
 * For an action that asks for the current password in its input (changing it, deleting the account):
 * an account with a password must type it; an account without one (issue 15) cannot, so it needs a
 * fresh "confirm it's you" instead (FORBIDDEN with `proofRequired`, which the client's dialog answers).
 */
export async function confirmPasswordOrProof(
  db: Db,
  session: { userId: string; sessionId: string },
  password: string | undefined,
  wrong: { field: string; message: string; missing: string },
) {
  const [user] = await db
    .select({ name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, session.userId));
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: messageRef("account.errors.signInAgain") });
  if (user.passwordHash === null) {
    await requireRecentProof(db, session.sessionId);
    return { name: user.name, email: user.email };
  }
  if (!password) throw fieldError(wrong.field, wrong.missing);
  return confirmPassword(db, session.userId, password, wrong);
}
