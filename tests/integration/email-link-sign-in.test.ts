import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authSessions, emailLinks } from "@/db/schema";
import { createUser } from "@/server/database/factories";
import { consumeLink, inspectLink, MAX_LINKS_PER_EMAIL, requestConfirmLink, requestSignInLink } from "@/server/auth/email-links";
import { createAuthSession } from "@/server/auth/sessions";
import { hashToken } from "@/server/auth/tokens";
import { createSmtpMailer } from "@/server/mail";
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

const mailer = () => createSmtpMailer(sink.url, "SecondLook <no-reply@example.test>");
const browser = "b".repeat(43);
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

function tokenFrom(text: string, path: string): string {
  const match = new RegExp(`https?://\\S+${path}\\?token=([\\w-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in mail:\n${text}`);
  return decodeURIComponent(match[1]);
}

describe("sign in by emailed link", () => {
  it("emails a one-time link, stored only as a hash, that works once and only in the browser that asked", async () => {
    const user = await createUser(database.db);
    await expect(requestSignInLink(database.db, mailer(), { email: user.email, ip: freshIp(), browserSecret: browser })).resolves.toEqual({ sent: true });
    const mail = await sink.nextMailTo(user.email);
    expect(mail.subject).toMatch(/sign-in link/i);
    const token = tokenFrom(mail.text, "/sign-in/link");

    const [stored] = await database.db.select().from(emailLinks).where(eq(emailLinks.userId, user.id));
    expect(stored?.tokenHash).toBe(hashToken(token));
    expect(stored?.browserHash).toBe(hashToken(browser));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBeLessThanOrEqual(15 * 60_000 + 5_000);

    // Another browser: told so, and cannot use it (the link stays usable where it was asked for).
    await expect(inspectLink(database.db, "sign_in", token, undefined)).resolves.toBe("other-browser");
    await expect(inspectLink(database.db, "sign_in", token, "x".repeat(43))).resolves.toBe("other-browser");
    await expect(consumeLink(database.db, "sign_in", token, "x".repeat(43))).resolves.toBeNull();
    await expect(consumeLink(database.db, "sign_in", token, undefined)).resolves.toBeNull();

    await expect(inspectLink(database.db, "sign_in", token, browser)).resolves.toBe("ready");
    await expect(consumeLink(database.db, "sign_in", token, browser)).resolves.toEqual({ userId: user.id, sessionId: null });
    // Single use.
    await expect(consumeLink(database.db, "sign_in", token, browser)).resolves.toBeNull();
    await expect(inspectLink(database.db, "sign_in", token, browser)).resolves.toBe("invalid");
  });

  it("refuses an expired link", async () => {
    const user = await createUser(database.db);
    const since = sink.received.length;
    await requestSignInLink(database.db, mailer(), { email: user.email, ip: freshIp(), browserSecret: browser });
    await sink.nextMailTo(user.email);
    const token = tokenFrom(sink.received.slice(since).find((m) => m.to.includes(user.email))!.text, "/sign-in/link");
    await database.db.update(emailLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(emailLinks.userId, user.id));
    await expect(inspectLink(database.db, "sign_in", token, browser)).resolves.toBe("invalid");
    await expect(consumeLink(database.db, "sign_in", token, browser)).resolves.toBeNull();
  });

  it("using one link ends the person's other sign-in links", async () => {
    const user = await createUser(database.db);
    const ip = freshIp();
    await requestSignInLink(database.db, mailer(), { email: user.email, ip, browserSecret: browser });
    const first = tokenFrom((await sink.nextMailTo(user.email)).text, "/sign-in/link");
    const before = sink.received.length;
    await requestSignInLink(database.db, mailer(), { email: user.email, ip, browserSecret: browser });
    await expect.poll(() => sink.received.slice(before).some((m) => m.to.includes(user.email))).toBe(true);
    const second = tokenFrom(sink.received.slice(before).find((m) => m.to.includes(user.email))!.text, "/sign-in/link");
    expect(second).not.toBe(first);
    await expect(consumeLink(database.db, "sign_in", second, browser)).resolves.toMatchObject({ userId: user.id });
    await expect(consumeLink(database.db, "sign_in", first, browser)).resolves.toBeNull();
  });

  it("answers the same for an address without an account, sends nothing, and throttles it alike", async () => {
    const nobody = `nobody-${Date.now()}@example.test`;
    const user = await createUser(database.db);
    const before = sink.received.length;
    const answersFor = async (email: string) => {
      const answers = [];
      for (let i = 0; i <= MAX_LINKS_PER_EMAIL; i++) answers.push(await requestSignInLink(database.db, mailer(), { email, ip: freshIp(), browserSecret: browser }));
      return answers;
    };
    const forNobody = await answersFor(nobody);
    const forUser = await answersFor(user.email);
    // The same answers, request by request: sent × limit, then refused.
    expect(forNobody.map((a) => a.sent)).toEqual(forUser.map((a) => a.sent));
    expect(forNobody.slice(0, MAX_LINKS_PER_EMAIL).every((a) => a.sent)).toBe(true);
    expect(forNobody[MAX_LINKS_PER_EMAIL]).toMatchObject({ sent: false, retryAfterMinutes: expect.any(Number) });
    await expect.poll(() => sink.received.slice(before).filter((m) => m.to.includes(user.email)).length).toBe(MAX_LINKS_PER_EMAIL);
    expect(sink.received.slice(before).filter((m) => m.to.includes(nobody))).toHaveLength(0);
  });

  it("throttles one IP asking for many addresses", async () => {
    const ip = freshIp();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await requestSignInLink(database.db, mailer(), { email: `spray-${i}-${Date.now()}@example.test`, ip, browserSecret: browser }));
    expect(answers.slice(0, 10).every((a) => a.sent)).toBe(true);
    expect(answers[10]).toMatchObject({ sent: false });
  });
});

describe("confirm it's you by emailed link", () => {
  it("emails a link bound to the session that asked; it works once and only for that session", async () => {
    const user = await createUser(database.db);
    const sessionId = await createAuthSession(database.db, user.id);
    await database.db.update(authSessions).set({ provedAt: new Date(Date.now() - 60 * 60_000) }).where(eq(authSessions.id, sessionId));
    await expect(requestConfirmLink(database.db, mailer(), { userId: user.id, sessionId, ip: freshIp() })).resolves.toEqual({ sent: true });
    const token = tokenFrom((await sink.nextMailTo(user.email)).text, "/account/confirm");
    // A sign-in link and a confirm link are not interchangeable.
    await expect(consumeLink(database.db, "sign_in", token, undefined)).resolves.toBeNull();
    const otherSession = await createAuthSession(database.db, user.id);
    await expect(consumeLink(database.db, "confirm", token, undefined, otherSession)).resolves.toBeNull();
    await expect(consumeLink(database.db, "confirm", token, undefined, sessionId)).resolves.toEqual({ userId: user.id, sessionId });
    await expect(consumeLink(database.db, "confirm", token, undefined, sessionId)).resolves.toBeNull();
  });
});
