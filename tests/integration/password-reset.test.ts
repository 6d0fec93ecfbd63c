import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/server/database/factories";
import { authSessions, passwordResetTokens } from "@/db/schema";
import { verifyCredentials } from "@/server/auth/credentials";
import { createAuthSession, findSessionUser } from "@/server/auth/sessions";
import { hashToken } from "@/server/auth/tokens";
import { createSmtpMailer } from "@/server/mail";
import { anonymousCaller } from "../support/callers";
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
