/**
 * One-time links sent by email: to sign in without a password, to confirm it's you on a signed-in
 * session, and to start a two-step reset. Each link is valid 15 minutes, works once, is stored only as
 * a hash, and — where it was asked for in a browser — works only in that browser: the asking browser
 * keeps a random value in an httpOnly cookie whose hash is stored with the link (decision 0027).
 * Asking answers the same whether or not the address has an account; asking is throttled per address
 * and per IP, counting addresses without accounts too.
 */
import "server-only";
import { and, count, eq, gt, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailLinks, users } from "@/db/schema";
import { config } from "@/server/env";
import type { Mailer } from "@/server/mail";
import { confirmLinkMail, signInLinkMail, twoStepResetLinkMail } from "@/server/mail/templates";
import { createToken, hashToken } from "./tokens";

export const EMAIL_LINK_TTL_MS = 15 * 60_000;
export const EMAIL_LINK_WINDOW_MINUTES = 15;
/** Links asked for one address within the window; more are refused (for addresses with or without an account). */
export const MAX_LINKS_PER_EMAIL = 3;
/** Higher than per address: a household or a clinic may share one. */
export const MAX_LINKS_PER_IP = 10;

type Purpose = (typeof emailLinks.$inferSelect)["purpose"];

export type LinkRequestResult = { sent: true } | { sent: false; retryAfterMinutes: number };

/** Counts this request against the address and the IP; refuses it when either is over its limit. */
async function admitRequest(db: Db, email: string, ip: string): Promise<{ ok: true } | { ok: false; retryAfterMinutes: number }> {
  const since = sql`now() - make_interval(mins => ${EMAIL_LINK_WINDOW_MINUTES})`;
  const countOf = async (where: ReturnType<typeof eq>) => {
    const [row] = await db
      .select({ n: count(), oldest: sql<Date | string | null>`min(${emailLinks.createdAt})` })
      .from(emailLinks)
      .where(and(where, gt(emailLinks.createdAt, since)));
    return { n: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : new Date() };
  };
  const byEmail = await countOf(eq(emailLinks.email, email));
  const byIp = await countOf(eq(emailLinks.ip, ip));
  const over = [byEmail.n >= MAX_LINKS_PER_EMAIL ? byEmail.oldest : null, byIp.n >= MAX_LINKS_PER_IP ? byIp.oldest : null].filter(
    (d): d is Date => d !== null,
  );
  if (over.length === 0) return { ok: true };
  const freeAt = Math.max(...over.map((d) => d.getTime())) + EMAIL_LINK_WINDOW_MINUTES * 60_000;
  return { ok: false, retryAfterMinutes: Math.max(1, Math.ceil((freeAt - Date.now()) / 60_000)) };
}

async function insertLink(
  db: Db,
  values: { purpose: Purpose; userId: string | null; email: string; ip: string; browserSecret?: string; sessionId?: string },
) {
  const { token, tokenHash } = createToken();
  await db.insert(emailLinks).values({
    purpose: values.purpose,
    userId: values.userId,
    email: values.email,
    ip: values.ip,
    tokenHash,
    browserHash: values.browserSecret ? hashToken(values.browserSecret) : null,
    sessionId: values.sessionId ?? null,
    expiresAt: new Date(Date.now() + EMAIL_LINK_TTL_MS),
  });
  return token;
}

/**
 * "Email me a sign-in link". Sends a link only when the address has an account, but records and
 * answers every request alike, so the answer (and the throttling) says nothing about the address.
 */
export async function requestSignInLink(
  db: Db,
  mailer: Mailer,
  input: { email: string; ip: string; browserSecret: string; callbackPath?: string },
): Promise<LinkRequestResult> {
  const admitted = await admitRequest(db, input.email, input.ip);
  if (!admitted.ok) return { sent: false, retryAfterMinutes: admitted.retryAfterMinutes };
  const [user] = await db.select({ id: users.id, name: users.name, locale: users.locale }).from(users).where(eq(users.email, input.email));
  const token = await insertLink(db, { purpose: "sign_in", userId: user?.id ?? null, email: input.email, ip: input.ip, browserSecret: input.browserSecret });
  if (user) {
    const query = new URLSearchParams({ token });
    if (input.callbackPath && input.callbackPath !== "/") query.set("callbackUrl", input.callbackPath);
    await mailer.send(signInLinkMail(user.locale, input.email, user.name, `${config().appUrl}/sign-in/link?${query}`));
  }
  return { sent: true };
}

export type LinkState = "ready" | "other-browser" | "invalid";

/** What opening a link would do, without using it (mail scanners open links too; using it takes a click). */
export async function inspectLink(db: Db, purpose: Purpose, token: string, browserSecret: string | undefined): Promise<LinkState> {
  const [link] = await db
    .select({ browserHash: emailLinks.browserHash })
    .from(emailLinks)
    .where(
      and(eq(emailLinks.tokenHash, hashToken(token)), eq(emailLinks.purpose, purpose), isNull(emailLinks.usedAt), gt(emailLinks.expiresAt, new Date())),
    );
  if (!link) return "invalid";
  if (link.browserHash && (!browserSecret || hashToken(browserSecret) !== link.browserHash)) return "other-browser";
  return "ready";
}

/**
 * Uses a link once: a conditional update claims it only if it is unused, unexpired, of this purpose
 * and (when bound) opened in the browser that asked. Using one ends the person's other links of the
 * same purpose. Returns the link's user and session, or null.
 */
export async function consumeLink(
  db: Db,
  purpose: Purpose,
  token: string,
  browserSecret: string | undefined,
  /** For "confirm" links: the session opening it must be the one that asked. */
  forSessionId?: string,
): Promise<{ userId: string; sessionId: string | null } | null> {
  const browserMatches = browserSecret
    ? or(isNull(emailLinks.browserHash), eq(emailLinks.browserHash, hashToken(browserSecret)))
    : isNull(emailLinks.browserHash);
  const [claimed] = await db
    .update(emailLinks)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(emailLinks.tokenHash, hashToken(token)),
        eq(emailLinks.purpose, purpose),
        isNull(emailLinks.usedAt),
        gt(emailLinks.expiresAt, new Date()),
        browserMatches,
        forSessionId ? eq(emailLinks.sessionId, forSessionId) : undefined,
      ),
    )
    .returning({ id: emailLinks.id, userId: emailLinks.userId, sessionId: emailLinks.sessionId });
  if (!claimed?.userId) return null;
  await db
    .update(emailLinks)
    .set({ usedAt: new Date() })
    .where(and(eq(emailLinks.userId, claimed.userId), eq(emailLinks.purpose, purpose), isNull(emailLinks.usedAt), ne(emailLinks.id, claimed.id)));
  return { userId: claimed.userId, sessionId: claimed.sessionId };
}

/** "Confirm it's you" by email: a link for this signed-in session only, opened while signed in. */
export async function requestConfirmLink(
  db: Db,
  mailer: Mailer,
  input: { userId: string; sessionId: string; ip: string },
): Promise<LinkRequestResult> {
  const [user] = await db.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, input.userId));
  if (!user) return { sent: true };
  const admitted = await admitRequest(db, user.email, input.ip);
  if (!admitted.ok) return { sent: false, retryAfterMinutes: admitted.retryAfterMinutes };
  const token = await insertLink(db, { purpose: "confirm", userId: input.userId, email: user.email, ip: input.ip, sessionId: input.sessionId });
  await mailer.send(confirmLinkMail(user.locale, user.email, user.name, `${config().appUrl}/account/confirm?token=${encodeURIComponent(token)}`));
  return { sent: true };
}

/**
 * Lost authenticator and no recovery code: after a correct first factor (so only for the person who
 * just proved the password or an emailed link), a link to start the waiting period of a two-step reset.
 */
export async function requestTwoStepResetLink(
  db: Db,
  mailer: Mailer,
  input: { userId: string; ip: string; browserSecret: string },
): Promise<LinkRequestResult> {
  const [user] = await db.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, input.userId));
  if (!user) return { sent: true };
  const admitted = await admitRequest(db, user.email, input.ip);
  if (!admitted.ok) return { sent: false, retryAfterMinutes: admitted.retryAfterMinutes };
  const token = await insertLink(db, { purpose: "two_step_reset", userId: input.userId, email: user.email, ip: input.ip, browserSecret: input.browserSecret });
  await mailer.send(twoStepResetLinkMail(user.locale, user.email, user.name, `${config().appUrl}/sign-in/recover/start?token=${encodeURIComponent(token)}`));
  return { sent: true };
}
