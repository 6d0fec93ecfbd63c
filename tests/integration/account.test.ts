import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/server/database/factories";
import { signUpRequests, users } from "@/db/schema";
import { verifyPassword } from "@/server/auth/passwords";
import { createAuthSession, findSessionUser } from "@/server/auth/sessions";
import { completeSignUp, pendingSignUp, SIGN_UP_MAILS_PER_ADDRESS_PER_HOUR } from "@/server/auth/sign-up";
import { hashToken } from "@/server/auth/tokens";
import { messageRef } from "@/lib/i18n/message-ref";
import { translateRef } from "@/server/i18n/translator";
import { config } from "@/server/env";
import { createLogMailer, createSmtpMailer } from "@/server/mail";
import { createCaller } from "@/server/routers/_app";
import { createContextInner } from "@/server/trpc";
import { anonymousCaller, callerFor } from "../support/callers";
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
const caller = () => anonymousCaller(database.db, mailer());

describe("account.signUp (issue 15 §4.5: the same answer either way, the account made by the emailed link)", () => {
  const linkToken = (text: string) => {
    const token = /https?:\/\/\S+\/sign-up\/finish\?token=([\w%-]+)/.exec(text)?.[1];
    if (!token) throw new Error(`no sign-up link in mail:\n${text}`);
    return decodeURIComponent(token);
  };

  it("answers 'check your email' and creates the account only when the emailed link is used, once", async () => {
    const answer = await caller().account.signUp({
      name: "  Ada Patient ",
      email: " Ada.Patient@Example.com ",
      password: "quiet river morning lamp",
      callbackUrl: "/invitations/abc",
    });
    expect(answer).toEqual({ sent: true });
    expect(await database.db.select().from(users).where(eq(users.email, "ada.patient@example.com"))).toHaveLength(0);

    const mail = await sink.nextMailTo("ada.patient@example.com");
    expect(mail.subject).toMatch(/finish creating your secondlook account/i);
    const token = linkToken(mail.text);
    const [pending] = await database.db.select().from(signUpRequests).where(eq(signUpRequests.email, "ada.patient@example.com"));
    expect(pending?.tokenHash).toBe(hashToken(token));
    expect(pending?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(pending)).not.toContain(token);
    expect(JSON.stringify(pending)).not.toContain("quiet river");
    expect(pending?.nextPath).toBe("/invitations/abc");
    const minutes = (pending!.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(60);

    expect(await pendingSignUp(database.db, token)).toEqual({ nextPath: "/invitations/abc" });
    const user = await completeSignUp(database.db, token);
    expect(user).toEqual({ id: expect.any(String), name: "Ada Patient", email: "ada.patient@example.com" });
    const [row] = await database.db.select().from(users).where(eq(users.id, user!.id));
    expect(await verifyPassword(row!.passwordHash, "quiet river morning lamp")).toBe(true);
    expect(await verifyPassword(row!.passwordHash, "quiet river morning lam")).toBe(false);

    // Single use.
    expect(await completeSignUp(database.db, token)).toBeNull();
    expect(await pendingSignUp(database.db, token)).toBeNull();
  });

  it("gives the same answer for an address that has an account, and emails its owner instead", async () => {
    const existing = await createUser(database.db, { name: "Already Here" });
    const answer = await caller().account.signUp({ name: "Someone Else", email: existing.email.toUpperCase(), password: "another long passphrase" });
    expect(answer).toEqual({ sent: true });
    const mail = await sink.nextMailTo(existing.email);
    expect(mail.subject).toMatch(/someone tried to create a secondlook account/i);
    expect(mail.text).toMatch(/\/sign-in/);
    expect(mail.text).toMatch(/\/forgot-password/);
    expect(mail.text).not.toMatch(/sign-up\/finish/);
    expect(await database.db.select().from(signUpRequests).where(eq(signUpRequests.email, existing.email))).toHaveLength(0);
    const rows = await database.db.select().from(users).where(eq(users.email, existing.email));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.name).toBe("Already Here");
  });

  it("refuses an expired link, and a link whose address got an account meanwhile", async () => {
    const email = `late-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await caller().account.signUp({ name: "Late", email, password: "quiet river morning lamp" });
    const token = linkToken((await sink.nextMailTo(email)).text);
    await database.db.update(signUpRequests).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(signUpRequests.email, email));
    expect(await completeSignUp(database.db, token)).toBeNull();

    const raced = `raced-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await caller().account.signUp({ name: "Raced", email: raced, password: "quiet river morning lamp" });
    const racedToken = linkToken((await sink.nextMailTo(raced)).text);
    await createUser(database.db, { email: raced, name: "First" });
    expect(await completeSignUp(database.db, racedToken)).toBeNull();
    expect((await database.db.select().from(users).where(eq(users.email, raced)))[0]?.name).toBe("First");
    expect(await completeSignUp(database.db, "made-up")).toBeNull();
    expect(await completeSignUp(database.db, 42)).toBeNull();
  });

  it(`sends at most ${SIGN_UP_MAILS_PER_ADDRESS_PER_HOUR} sign-up emails an hour per address, answering the same`, async () => {
    const email = `many-${crypto.randomUUID().slice(0, 8)}@example.com`;
    for (let i = 0; i < SIGN_UP_MAILS_PER_ADDRESS_PER_HOUR + 3; i++) {
      await expect(caller().account.signUp({ name: "Many", email, password: "quiet river morning lamp" })).resolves.toEqual({ sent: true });
    }
    expect(sink.received.filter((m) => m.to.includes(email))).toHaveLength(SIGN_UP_MAILS_PER_ADDRESS_PER_HOUR);
  });

  it("refuses too many sign-ups from one IP address with TOO_MANY_REQUESTS", async () => {
    const fromOneIp = () =>
      createCaller(createContextInner({ db: database.db, session: null, mailer: mailer(), clientAddress: "198.51.100.77" }));
    const limit = config().signUpsPerIpPerHour;
    for (let i = 0; i < limit; i++) {
      await fromOneIp().account.signUp({ name: "Spray", email: `spray-${i}-${crypto.randomUUID().slice(0, 6)}@example.com`, password: "quiet river morning lamp" });
    }
    await expect(
      fromOneIp().account.signUp({ name: "Spray", email: "one-too-many@example.com", password: "quiet river morning lamp" }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: messageRef("signIn.signUp.tooMany") });
    // Another address is not held back.
    const other = createCaller(createContextInner({ db: database.db, session: null, mailer: mailer(), clientAddress: "198.51.100.78" }));
    await expect(other.account.signUp({ name: "Fine", email: "fine-here@example.com", password: "quiet river morning lamp" })).resolves.toEqual({
      sent: true,
    });
  });

  it.each([
    ["too short", "short pass"],
    ["very common", "password1234"],
    ["one repeated character", "aaaaaaaaaaaaaaa"],
  ])("refuses a password that is %s and sends nothing", async (_label, password) => {
    const email = `weak-${password.length}-${password.charCodeAt(0)}@example.com`;
    await expect(caller().account.signUp({ name: "Weak", email, password })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await database.db.select().from(signUpRequests).where(eq(signUpRequests.email, email))).toHaveLength(0);
    expect(sink.received.filter((m) => m.to.includes(email))).toHaveLength(0);
  });

  it("refuses an oversized name with a clear error instead of failing", async () => {
    await expect(
      caller().account.signUp({ name: "x".repeat(5000), email: "long@example.com", password: "quiet river morning lamp" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("keeps only a path on this site as where to go afterwards", async () => {
    const email = `redirect-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await caller().account.signUp({ name: "R", email, password: "quiet river morning lamp", callbackUrl: "/\t/evil.example" });
    const [pending] = await database.db.select().from(signUpRequests).where(eq(signUpRequests.email, email));
    expect(pending?.nextPath).toBe("/cases");
  });
});

describe("account.me", () => {
  it("answers UNAUTHORIZED to an anonymous caller", async () => {
    await expect(anonymousCaller(database.db).account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED", message: messageRef("errors.signIn") });
  });

  it("returns only public columns for the signed-in person", async () => {
    const user = await createUser(database.db, { name: "Grace" });
    const me = await (await callerFor(database.db, user)).account.me();
    expect(me).toEqual({ id: user.id, name: "Grace", email: user.email });
  });

  it("answers UNAUTHORIZED once the account no longer exists, even with a session in hand", async () => {
    const user = await createUser(database.db);
    const caller = await callerFor(database.db, user);
    await database.db.delete(users).where(eq(users.id, user.id));
    await expect(caller.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("account.changePassword", () => {
  async function signedInTwice() {
    const created = await createUser(database.db, {
      name: "Cho Changer",
      email: `changer-${crypto.randomUUID()}@example.com`,
      password: "quiet river morning lamp",
    });
    const user = { id: created.id, name: created.name, email: created.email };
    const here = await createAuthSession(database.db, user.id);
    const elsewhere = await createAuthSession(database.db, user.id);
    const caller = createCaller(createContextInner({ db: database.db, session: { user, sessionId: here }, mailer: createLogMailer(() => {}) }));
    return { user, here, elsewhere, caller };
  }
  const passwordOf = async (id: string) => (await database.db.select().from(users).where(eq(users.id, id)))[0]!.passwordHash;

  it("changes the password, keeps this device signed in and signs out every other device", async () => {
    const { user, here, elsewhere, caller } = await signedInTwice();
    await caller.account.changePassword({ currentPassword: "quiet river morning lamp", password: "a brand new long passphrase" });
    expect(await verifyPassword(await passwordOf(user.id), "a brand new long passphrase")).toBe(true);
    expect(await findSessionUser(database.db, here)).toMatchObject({ id: user.id });
    expect(await findSessionUser(database.db, elsewhere)).toBeNull();
  });

  it("refuses a wrong current password or a weak new one, and changes nothing", async () => {
    const { user, elsewhere, caller } = await signedInTwice();
    const before = await passwordOf(user.id);
    const wrong = await caller.account.changePassword({ currentPassword: "not my password", password: "a brand new long passphrase" }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: "BAD_REQUEST", message: messageRef("account.errors.wrongCurrentPassword"), cause: { field: "currentPassword" } });
    const weak = await caller.account.changePassword({ currentPassword: "quiet river morning lamp", password: "short" }).catch((e: unknown) => e);
    expect(weak).toMatchObject({ code: "BAD_REQUEST" });
    const sameAsEmail = await caller.account
      .changePassword({ currentPassword: "quiet river morning lamp", password: user.email })
      .catch((e: unknown) => e);
    expect(sameAsEmail).toMatchObject({ code: "BAD_REQUEST" });
    expect(await passwordOf(user.id)).toBe(before);
    expect(await findSessionUser(database.db, elsewhere)).toMatchObject({ id: user.id });
  });

  it("counts wrong current passwords like failed sign-ins: after five, even the right one waits", async () => {
    const { user, caller } = await signedInTwice();
    for (let i = 0; i < 5; i++) {
      await expect(caller.account.changePassword({ currentPassword: `guess number ${i}`, password: "a brand new long passphrase" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    const held = await caller.account.changePassword({ currentPassword: "quiet river morning lamp", password: "a brand new long passphrase" }).catch((e: unknown) => e);
    expect(held).toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/^account\.errors\.tooManyPasswords \{"minutes":\d+\}$/) });
    // In words, with the wait's plural in the reader's language.
    expect(translateRef((held as Error).message, "en")).toMatch(/^Too many wrong passwords\. Please try again in \d+ minutes?\.$/);
    expect(translateRef((held as Error).message, "es")).toMatch(/^Demasiadas contraseñas incorrectas\. Inténtelo de nuevo en \d+ minutos?\.$/);
    expect(await verifyPassword(await passwordOf(user.id), "quiet river morning lamp")).toBe(true);
  });

  it("is refused to an anonymous caller", async () => {
    await expect(
      anonymousCaller(database.db).account.changePassword({ currentPassword: "x", password: "a brand new long passphrase" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
