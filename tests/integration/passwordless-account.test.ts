import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authSessions, users } from "@/db/schema";
import { createUser } from "@/server/database/factories";
import { verifyCredentials } from "@/server/auth/credentials";
import { consumeLink, requestSignInLink } from "@/server/auth/email-links";
import { createAuthSession, findSessionUser } from "@/server/auth/sessions";
import { ProofRequired } from "@/server/auth/recent-proof";
import { messageRef } from "@/lib/i18n/message-ref";
import { createSmtpMailer } from "@/server/mail";
import { callerFor } from "../support/callers";
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
const staleProof = (userId: string) =>
  database.db.update(authSessions).set({ provedAt: new Date(Date.now() - 11 * 60_000) }).where(eq(authSessions.userId, userId));
const proofRefusal = { code: "FORBIDDEN", cause: expect.any(ProofRequired) };
const freshProof = (userId: string) => database.db.update(authSessions).set({ provedAt: new Date() }).where(eq(authSessions.userId, userId));

describe("an account without a password", () => {
  it("removing the password needs a fresh proof, emails the person, and leaves the emailed link as the way in", async () => {
    const user = await createUser(database.db);
    const caller = await callerFor(database.db, user, mailer());
    await expect(caller.password.status()).resolves.toEqual({ hasPassword: true, canRemove: true });
    await staleProof(user.id);
    await expect(caller.password.remove()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await freshProof(user.id);
    await expect(caller.password.remove()).resolves.toEqual({ removed: true });
    expect((await sink.nextMailTo(user.email)).subject).toMatch(/password was removed/i);
    const [row] = await database.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toBeNull();
    await expect(caller.password.status()).resolves.toEqual({ hasPassword: false, canRemove: false });
    await expect(caller.password.remove()).rejects.toMatchObject({ code: "BAD_REQUEST", message: messageRef("signIn.errors.noPassword") });

    // The old password signs in nowhere; changing it or deleting the account asks for a fresh proof instead.
    await expect(verifyCredentials(database.db, { email: user.email, password: user.password }, "192.0.2.7")).resolves.toEqual({ ok: false, reason: "invalid" });
    await staleProof(user.id);
    await expect(caller.account.changePassword({ currentPassword: user.password, password: "a brand new long passphrase" })).rejects.toMatchObject(proofRefusal);
    await expect(caller.account.delete({ password: user.password })).rejects.toMatchObject(proofRefusal);

    // The emailed link still signs in.
    const browser = "k".repeat(43);
    await requestSignInLink(database.db, mailer(), { email: user.email, ip: "192.0.2.8", browserSecret: browser });
    await expect
      .poll(() => sink.received.filter((m) => m.to.includes(user.email) && /sign-in link/i.test(m.subject)).length)
      .toBe(1);
    const mail = sink.received.find((m) => m.to.includes(user.email) && /sign-in link/i.test(m.subject))!;
    const token = decodeURIComponent(/\/sign-in\/link\?token=([\w-]+)/.exec(mail.text)![1]!);
    await expect(consumeLink(database.db, "sign_in", token, browser)).resolves.toMatchObject({ userId: user.id });
  });

  it("a password can be set again (fresh proof); other sessions end, this one stays", async () => {
    const user = await createUser(database.db);
    const caller = await callerFor(database.db, user, mailer());
    await caller.password.remove();
    const elsewhere = await createAuthSession(database.db, user.id);
    await expect(caller.password.set({ password: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: messageRef("signIn.validation.passwordTooShort", { min: 12 }),
      cause: { field: "password" },
    });
    await expect(caller.password.set({ password: "lantern orchard velvet compass" })).resolves.toEqual({ set: true });
    expect(await findSessionUser(database.db, elsewhere)).toBeNull();
    await expect(caller.password.status()).resolves.toMatchObject({ hasPassword: true });
    await expect(verifyCredentials(database.db, { email: user.email, password: "lantern orchard velvet compass" }, "192.0.2.9")).resolves.toMatchObject({ ok: true });
    await expect(caller.password.set({ password: "another orchard velvet compass" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: messageRef("signIn.errors.alreadyHasPassword"),
    });
  });

  it("deleting an account without a password needs a fresh proof instead of the password", async () => {
    const user = await createUser(database.db);
    const caller = await callerFor(database.db, user, mailer());
    await caller.password.remove();
    await staleProof(user.id);
    await expect(caller.account.delete({})).rejects.toMatchObject(proofRefusal);
    await expect(database.db.select({ id: users.id }).from(users).where(eq(users.id, user.id))).resolves.toHaveLength(1);
    await freshProof(user.id);
    await expect(caller.account.delete({})).resolves.toEqual({ deletedCases: 0, leftCases: 0 });
    await expect(database.db.select({ id: users.id }).from(users).where(eq(users.id, user.id))).resolves.toHaveLength(0);
  });

  it("changing the password of an account without one needs a fresh proof instead of the current password", async () => {
    const user = await createUser(database.db);
    const caller = await callerFor(database.db, user, mailer());
    await caller.password.remove();
    await staleProof(user.id);
    await expect(caller.account.changePassword({ password: "lantern orchard velvet compass" })).rejects.toMatchObject(proofRefusal);
    await freshProof(user.id);
    await expect(caller.account.changePassword({ password: "lantern orchard velvet compass" })).resolves.toEqual({ changed: true });
    await expect(verifyCredentials(database.db, { email: user.email, password: "lantern orchard velvet compass" }, "192.0.2.10")).resolves.toMatchObject({ ok: true });
  });

  it("an account with a password still needs it to delete, even with a fresh proof", async () => {
    const user = await createUser(database.db);
    const caller = await callerFor(database.db, user, mailer());
    await freshProof(user.id);
    await expect(caller.account.delete({})).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.account.delete({ password: "not the password at all" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(database.db.select({ id: users.id }).from(users).where(eq(users.id, user.id))).resolves.toHaveLength(1);
  });

  it("session.confirmWays tells which ways this person can confirm it's them", async () => {
    const user = await createUser(database.db);
    const caller = await callerFor(database.db, user, mailer());
    await expect(caller.session.confirmWays()).resolves.toEqual({ password: true, twoStep: false, passkey: false, emailLink: true });
    await freshProof(user.id);
    await caller.password.remove();
    await expect(caller.session.confirmWays()).resolves.toEqual({ password: false, twoStep: false, passkey: false, emailLink: true });
  });
});
