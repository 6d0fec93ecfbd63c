import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/server/database/factories";
import { authSessions, passwordResetTokens, rateLimitEvents, users } from "@/db/schema";
import { verifyCredentials } from "@/server/auth/credentials";
import { createAuthSession, findSessionUser } from "@/server/auth/sessions";
import { hashPassword } from "@/server/auth/passwords";
import { createToken, hashToken } from "@/server/auth/tokens";
import { RESET_MAILS_PER_HOUR } from "@/server/routers/account";
import { createSmtpMailer } from "@/server/mail";
import { messageRef } from "@/lib/i18n/message-ref";
import { anonymousCaller } from "../support/callers";
import { captureLog } from "../support/captured-log";
import { startSmtpSink } from "../support/smtp-sink";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink?.close();
  await database?.cleanup();
});

const caller = () => anonymousCaller(database.db, createSmtpMailer(sink.url, "SecondLook <no-reply@example.test>"));

/** The next mail to `to` whose reset link is not `previousToken`'s. */
async function nextMailAfter(to: string, previousToken: string) {
  await expect.poll(() => sink.received.filter((m) => m.to.includes(to)).length).toBeGreaterThan(1);
  const mail = sink.received.filter((m) => m.to.includes(to)).at(-1)!;
  expect(tokenFromMail(mail.text)).not.toBe(previousToken);
  return mail;
}

function tokenFromMail(text: string): string {
  const link = /https?:\/\/\S+\/reset-password\?token=([\w-]+)/.exec(text);
  if (!link?.[1]) throw new Error(`no reset link in mail:\n${text}`);
  return decodeURIComponent(link[1]);
}

describe("password reset by emailed link", () => {
  it("works end to end through SMTP, once, and ends every existing session", async () => {
    const user = await createUser(database.db);
    const oldSession = await createAuthSession(database.db, user.id);

    await expect(caller().account.requestPasswordReset({ email: user.email })).resolves.toEqual({ sent: true });
    const mail = await sink.nextMailTo(user.email);
    expect(mail.subject).toMatch(/reset your secondlook password/i);
    const token = tokenFromMail(mail.text);
    expect(token).toMatch(/^[\w-]{43}$/); // 256 bits, base64url

    // Only the hash is stored.
    const stored = await database.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const newPassword = "lantern orchard velvet compass";
    await expect(caller().account.resetPassword({ token, password: newPassword })).resolves.toEqual({ email: user.email });

    expect((await verifyCredentials(database.db, { email: user.email, password: newPassword }, "203.0.113.1")).ok).toBe(true);
    expect((await verifyCredentials(database.db, { email: user.email, password: user.password }, "203.0.113.1")).ok).toBe(false);
    expect(await findSessionUser(database.db, oldSession)).toBeNull();
    expect(await database.db.select().from(authSessions).where(eq(authSessions.userId, user.id))).toHaveLength(0);

    // Single use.
    await expect(caller().account.resetPassword({ token, password: "another fresh passphrase" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("refuses an expired link and leaves the password unchanged", async () => {
    const user = await createUser(database.db);
    await caller().account.requestPasswordReset({ email: user.email });
    const token = tokenFromMail((await sink.nextMailTo(user.email)).text);
    await database.db
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResetTokens.userId, user.id));
    await expect(caller().account.resetPassword({ token, password: "lantern orchard velvet compass" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: messageRef("signIn.reset.linkExpired"),
      cause: { field: "token" },
    });
    expect((await verifyCredentials(database.db, { email: user.email, password: user.password }, "203.0.113.2")).ok).toBe(true);
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const before = sink.received.length;
    await expect(caller().account.requestPasswordReset({ email: "nobody-here@example.test" })).resolves.toEqual({ sent: true });
    expect(sink.received.slice(before).filter((m) => m.to.includes("nobody-here@example.test"))).toHaveLength(0);
  });

  it("refuses a made-up token", async () => {
    await expect(
      caller().account.resetPassword({ token: "made-up-token-made-up-token-made-up-token-x", password: "lantern orchard velvet compass" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("reset links are limited, and one link ends the others (issue 15 §4.6)", () => {
  const mailsTo = (email: string, since: number) => sink.received.slice(since).filter((m) => m.to.includes(email));

  it(`sends at most ${RESET_MAILS_PER_HOUR} reset emails an hour per address, answering the same every time`, async () => {
    const user = await createUser(database.db);
    const before = sink.received.length;
    const log = captureLog();
    for (let i = 0; i < 12; i++) {
      await expect(caller().account.requestPasswordReset({ email: user.email })).resolves.toEqual({ sent: true });
    }
    log.stop();
    await sink.nextMailTo(user.email);
    expect(mailsTo(user.email, before)).toHaveLength(RESET_MAILS_PER_HOUR);
    // Each refused request is in the server log (ASVS 16.3.3), naming the limit but not the address.
    const hits = log.entries().filter((line) => line.event === "rate-limit.hit");
    expect(hits).toHaveLength(12 - RESET_MAILS_PER_HOUR);
    expect(hits[0]).toMatchObject({ bucket: "reset-mail:address" });
    expect(log.text).not.toContain(user.email);
    const stored = await database.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(stored.filter((t) => t.usedAt === null)).toHaveLength(1);

    // An hour later, one more may be sent.
    await database.db.execute(sql`update rate_limit_events set occurred_at = now() - interval '61 minutes' where key in (${user.email}, ${user.id})`);
    await caller().account.requestPasswordReset({ email: user.email });
    await expect.poll(() => mailsTo(user.email, before).length).toBe(RESET_MAILS_PER_HOUR + 1);
  });

  it("counts an unknown address too, so the limit reveals nothing about which addresses have accounts", async () => {
    const email = "never-signed-up@example.test";
    for (let i = 0; i < RESET_MAILS_PER_HOUR + 2; i++) {
      await expect(caller().account.requestPasswordReset({ email })).resolves.toEqual({ sent: true });
    }
    const counted = await database.db
      .select()
      .from(rateLimitEvents)
      .where(and(eq(rateLimitEvents.bucket, "reset-mail:address"), eq(rateLimitEvents.key, email)));
    expect(counted).toHaveLength(RESET_MAILS_PER_HOUR);
  });

  it("a newer link ends the older ones", async () => {
    const user = await createUser(database.db);
    await caller().account.requestPasswordReset({ email: user.email });
    const first = tokenFromMail((await sink.nextMailTo(user.email)).text);
    await caller().account.requestPasswordReset({ email: user.email });
    const second = tokenFromMail((await nextMailAfter(user.email, first)).text);
    await expect(caller().account.resetPassword({ token: first, password: "lantern orchard velvet compass" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller().account.resetPassword({ token: second, password: "lantern orchard velvet compass" })).resolves.toEqual({
      email: user.email,
    });
  });

  it("a used link ends every other outstanding one", async () => {
    const user = await createUser(database.db);
    // Two links outstanding at once (e.g. one issued just before this change, or by two instances racing).
    const links = [createToken(), createToken()];
    await database.db.insert(passwordResetTokens).values(
      links.map((l) => ({ userId: user.id, tokenHash: l.tokenHash, expiresAt: new Date(Date.now() + 3_600_000) })),
    );
    await caller().account.resetPassword({ token: links[0]!.token, password: "lantern orchard velvet compass" });
    await expect(caller().account.resetPassword({ token: links[1]!.token, password: "a different calm phrase" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await verifyCredentials(database.db, { email: user.email, password: "lantern orchard velvet compass" }, "203.0.113.3")).ok).toBe(true);
  });
});

describe("check first, hash last (issue 15 §4.7)", () => {
  it("refuses a made-up link without changing anything, sooner than a password can be hashed", async () => {
    const user = await createUser(database.db);
    const [before] = await database.db.select({ passwordHash: users.passwordHash, updatedAt: users.updatedAt }).from(users).where(eq(users.id, user.id));
    const refusals: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await expect(
        caller().account.resetPassword({ token: `made-up-token-${i}-made-up-token-made-up`, password: "lantern orchard velvet compass" }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "token" } });
      refusals.push(performance.now() - started);
    }
    const hashes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await hashPassword("lantern orchard velvet compass");
      hashes.push(performance.now() - started);
    }
    // The fastest refusal took less than the fastest hash: no hash was computed for it.
    expect(Math.min(...refusals)).toBeLessThan(Math.min(...hashes));
    const [after] = await database.db.select({ passwordHash: users.passwordHash, updatedAt: users.updatedAt }).from(users).where(eq(users.id, user.id));
    expect(after).toEqual(before);
  });

  it("checks the new password against the account's address before using the link, which then still works", async () => {
    const user = await createUser(database.db);
    await caller().account.requestPasswordReset({ email: user.email });
    const token = tokenFromMail((await sink.nextMailTo(user.email)).text);
    const local = user.email.split("@")[0]!;
    await expect(caller().account.resetPassword({ token, password: `${local} is my password` })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "password" },
      message: messageRef("signIn.validation.passwordHasEmail"),
    });
    await expect(caller().account.resetPassword({ token, password: "lantern orchard velvet compass" })).resolves.toEqual({ email: user.email });
  });
});
