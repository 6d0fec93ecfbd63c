/**
 * Recovery without lock-out, for someone who lost their authenticator and has no recovery code left:
 * after a correct first factor, an emailed link starts a 24-hour wait; the person is emailed at the
 * start (with a link to cancel, which needs no sign-in) and at the end, when two-step is turned off.
 * Someone holding the password and the mailbox for a moment cannot switch it off at once, and the
 * real person has a day to notice. Clock-dependent functions take `now`.
 */
import "server-only";
import { and, eq, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { twoStepResets, users } from "@/db/schema";
import { logServerEvent } from "@/server/audit-log";
import { config } from "@/server/env";
import type { Mailer } from "@/server/mail";
import { twoStepResetDoneMail, twoStepResetStartedMail } from "@/server/mail/templates";
import { consumeLink } from "./email-links";
import { createToken, hashToken } from "./tokens";
import { turnOffTwoStep } from "./two-step";

export const TWO_STEP_RESET_WAIT_MS = 24 * 60 * 60_000;

async function pendingReset(db: Db, userId: string) {
  const [row] = await db
    .select({ id: twoStepResets.id, endsAt: twoStepResets.endsAt })
    .from(twoStepResets)
    .where(and(eq(twoStepResets.userId, userId), isNull(twoStepResets.cancelledAt), isNull(twoStepResets.completedAt)));
  return row ?? null;
}

/** Uses the emailed link and starts the wait (or reports the one already running). Null when the link is not usable. */
export async function startTwoStepReset(
  db: Db,
  mailer: Mailer,
  input: { token: string; browserSecret: string | undefined; now?: Date },
): Promise<{ endsAt: Date } | null> {
  const now = input.now ?? new Date();
  const used = await consumeLink(db, "two_step_reset", input.token, input.browserSecret);
  if (!used) return null;
  const running = await pendingReset(db, used.userId);
  if (running) return { endsAt: running.endsAt };
  const [user] = await db.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, used.userId));
  if (!user) return null;
  const { token, tokenHash } = createToken();
  const endsAt = new Date(now.getTime() + TWO_STEP_RESET_WAIT_MS);
  await db.insert(twoStepResets).values({ userId: used.userId, cancelTokenHash: tokenHash, startedAt: now, endsAt });
  logServerEvent("two-step.reset-started", { userId: used.userId });
  await mailer.send(twoStepResetStartedMail(user.locale, user.email, user.name, endsAt, `${config().appUrl}/sign-in/recover/cancel?token=${encodeURIComponent(token)}`));
  return { endsAt };
}

/** Cancels a running wait from the link in the start email. */
export async function cancelTwoStepReset(db: Db, cancelToken: string, now = new Date()): Promise<boolean> {
  const [cancelled] = await db
    .update(twoStepResets)
    .set({ cancelledAt: now })
    .where(and(eq(twoStepResets.cancelTokenHash, hashToken(cancelToken)), isNull(twoStepResets.cancelledAt), isNull(twoStepResets.completedAt)))
    .returning({ id: twoStepResets.id, userId: twoStepResets.userId });
  if (cancelled) logServerEvent("two-step.reset-cancelled", { userId: cancelled.userId });
  return Boolean(cancelled);
}

/**
 * Finishes every wait that has ended (optionally one person's): two-step off, the person emailed.
 * Run when that person next signs in (factor-providers.ts) and by any scheduled job.
 */
export async function completeDueTwoStepResets(db: Db, mailer: Mailer, options: { userId?: string; now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const due = await db
    .update(twoStepResets)
    .set({ completedAt: now })
    .where(
      and(
        isNull(twoStepResets.cancelledAt),
        isNull(twoStepResets.completedAt),
        lte(twoStepResets.endsAt, now),
        options.userId ? eq(twoStepResets.userId, options.userId) : undefined,
      ),
    )
    .returning({ userId: twoStepResets.userId });
  for (const { userId } of due) {
    await turnOffTwoStep(db, userId);
    logServerEvent("two-step.reset-completed", { userId });
    const [user] = await db.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId));
    if (user) await mailer.send(twoStepResetDoneMail(user.locale, user.email, user.name));
  }
  return due.length;
}

/** For the code page: whether a wait is running for the person behind a live sign-in challenge. */
export async function runningTwoStepReset(db: Db, userId: string): Promise<{ endsAt: Date } | null> {
  const running = await pendingReset(db, userId);
  return running ? { endsAt: running.endsAt } : null;
}
