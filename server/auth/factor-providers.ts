/**
 * The next-auth providers of the sign-in factors beside the password: "email-link" (an emailed
 * one-time link, server/auth/email-links.ts) and "two-step" (the authenticator or recovery code after a
 * first factor, server/auth/two-step.ts). Any first factor of an account with two-step on ends in
 * `requireSecondStep`, which records a challenge and refuses with the code "two-step" instead of
 * signing in; the sign-in actions then send the browser to the code page.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { users } from "@/db/schema";
import { logServerEvent } from "@/server/audit-log";
import { getDb } from "@/server/database/connection";
import { getMailer } from "@/server/mail";
import { localeOfUser } from "@/server/mail/recipient";
import { recoveryCodeUsedMail } from "@/server/mail/templates";
import { consumeLink } from "./email-links";
import { completeDueTwoStepResets } from "./two-step-reset";
import { sessionOriginOf, type SessionUser } from "./sessions";
import { createChallenge, hasTwoStep, passChallenge, recoveryCodesLeft } from "./two-step";

/** Sign-in failure codes (the sign-in actions turn them into words; they travel in URLs, so they reveal nothing). */
export class TwoStepNeeded extends CredentialsSignin {
  code = "two-step";
}
class LinkNotUsable extends CredentialsSignin {
  code = "link";
}
class CodeRefused extends CredentialsSignin {
  constructor(reason: "expired" | "wrong" | "throttled") {
    super();
    this.code = `code-${reason}`;
  }
}

const zSecret = z.string().min(32).max(200);

/**
 * After a correct first factor: an account with two-step on is not signed in yet. With a challenge
 * value from the sign-in action (it keeps it in an httpOnly cookie), the code step can follow.
 */
export async function requireSecondStep(user: SessionUser, challenge: unknown): Promise<SessionUser> {
  const db = await getDb();
  // A two-step reset whose 24-hour wait has ended takes effect now (server/auth/two-step-reset.ts).
  await completeDueTwoStepResets(db, getMailer(), { userId: user.id });
  if (!(await hasTwoStep(db, user.id))) return user;
  logServerEvent("sign-in.two-step-needed", { userId: user.id });
  const parsed = zSecret.safeParse(challenge);
  if (parsed.success) await createChallenge(db, user.id, parsed.data);
  throw new TwoStepNeeded();
}

export const emailLinkProvider = Credentials({
  id: "email-link",
  name: "Emailed link",
  credentials: { token: {}, browser: {}, challenge: {} },
  async authorize(credentials, request) {
    const token = zSecret.safeParse(credentials.token);
    const browser = zSecret.optional().safeParse(credentials.browser || undefined);
    if (!token.success || !browser.success) throw new LinkNotUsable();
    const db = await getDb();
    const used = await consumeLink(db, "sign_in", token.data, browser.data);
    if (!used) throw new LinkNotUsable();
    const [user] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, used.userId));
    if (!user) throw new LinkNotUsable();
    logServerEvent("sign-in.email-link", { userId: user.id });
    return { ...(await requireSecondStep(user, credentials.challenge)), sessionOrigin: sessionOriginOf(request) };
  },
});

export const twoStepProvider = Credentials({
  id: "two-step",
  name: "Two-step code",
  credentials: { challenge: {}, code: {}, keepSignedIn: {} },
  async authorize(credentials, request) {
    const challenge = zSecret.safeParse(credentials.challenge);
    const code = z.string().min(1).max(40).safeParse(credentials.code);
    if (!challenge.success) throw new CodeRefused("expired");
    if (!code.success) throw new CodeRefused("wrong");
    const db = await getDb();
    const result = await passChallenge(db, challenge.data, code.data);
    if (!result.ok) {
      logServerEvent("sign-in.two-step-refused", { reason: result.reason });
      throw new CodeRefused(result.reason);
    }
    logServerEvent("sign-in.two-step-passed", { userId: result.user.id, factor: result.factor });
    if (result.factor === "recovery") {
      // Someone signed in without the authenticator: the person hears of it at once.
      await getMailer().send(recoveryCodeUsedMail(await localeOfUser(db, result.user.id), result.user.email, result.user.name, await recoveryCodesLeft(db, result.user.id)));
    }
    // "Keep me signed in", chosen with the first factor, carried here by the sign-in action.
    return { ...result.user, sessionOrigin: sessionOriginOf(request, credentials.keepSignedIn === "1") };
  },
});
