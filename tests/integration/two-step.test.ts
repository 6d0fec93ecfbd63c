import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { and, eq } from "drizzle-orm";
import { messageRef } from "@/lib/i18n/message-ref";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activity, authSessions, caseMembers, recoveryCodes, twoStepChallenges, twoStepCredentials } from "@/db/schema";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { findSessionUser } from "@/server/auth/sessions";
import { createChallenge, hasTwoStep, MAX_FAILURES_PER_CHALLENGE, passChallenge, totpCodeAt, TOTP_STEP_SECONDS } from "@/server/auth/two-step";
import { createSmtpMailer } from "@/server/mail";
import { callerFor, renewableCallerFor } from "../support/callers";
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
const secretOf = (text: string) => decodeBase32IgnorePadding(text.replace(/\s/g, ""));
const stepsFromNow = (n: number) => new Date(Date.now() + n * TOTP_STEP_SECONDS * 1000);
let challengeCounter = 0;
const newChallenge = () => `challenge-${++challengeCounter}-${"c".repeat(40)}`;

/** A person with two-step on; returns the secret (as an app would hold it) and their recovery codes. */
async function withTwoStep() {
  const user = await createUser(database.db);
  const caller = await callerFor(database.db, user, mailer());
  const setup = await caller.twoStep.beginSetup();
  const secret = secretOf(setup.secretText);
  // A code from the previous step, so the current one is still unused for the tests that follow.
  const { recoveryCodes: codes } = await caller.twoStep.confirmSetup({ code: totpCodeAt(secret, stepsFromNow(-1)) });
  return { user, caller, secret, codes };
}

describe("two-step sign-in: setting up", () => {
  it("needs a recent proof, shows a QR code and the secret, turns on after one right code, and shows 10 recovery codes once", async () => {
    const user = await createUser(database.db);
    const caller = await callerFor(database.db, user, mailer());
    const [session] = await database.db.select().from(authSessions).where(eq(authSessions.userId, user.id));
    await database.db.update(authSessions).set({ provedAt: new Date(Date.now() - 11 * 60_000) }).where(eq(authSessions.id, session!.id));
    await expect(caller.twoStep.beginSetup()).rejects.toMatchObject({ code: "FORBIDDEN", message: messageRef("account.errors.proofRequired") });
    await database.db.update(authSessions).set({ provedAt: new Date() }).where(eq(authSessions.id, session!.id));

    const setup = await caller.twoStep.beginSetup();
    expect(setup.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.qrCodeDataUrl.split(",")[1]!, "base64").toString()).toMatch(/^<svg/);
    expect(setup.secretText).toMatch(/^[A-Z2-7 ]{32,}$/);
    // The secret is not stored in the clear.
    const [stored] = await database.db.select().from(twoStepCredentials).where(eq(twoStepCredentials.userId, user.id));
    expect(stored?.secretEncrypted).not.toContain(setup.secretText.replace(/\s/g, ""));
    expect(stored?.enabledAt).toBeNull();
    expect(await hasTwoStep(database.db, user.id)).toBe(false);

    const secret = secretOf(setup.secretText);
    await expect(caller.twoStep.confirmSetup({ code: "000000" === totpCodeAt(secret) ? "111111" : "000000" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: messageRef("account.errors.codeNoMatch"),
      cause: { field: "code" },
    });
    const { recoveryCodes: codes } = await caller.twoStep.confirmSetup({ code: totpCodeAt(secret) });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await hasTwoStep(database.db, user.id)).toBe(true);
    await expect(caller.twoStep.status()).resolves.toEqual({ enabled: true, recoveryCodesLeft: 10 });
    // Only hashes of the recovery codes are kept.
    const rows = await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(JSON.stringify(rows)).not.toContain(codes[0]!);
    const mail = await sink.nextMailTo(user.email);
    expect(mail.subject).toMatch(/two-step sign-in is now on/i);
    // Setting up again while on is refused.
    await expect(caller.twoStep.beginSetup()).rejects.toMatchObject({ code: "BAD_REQUEST", message: messageRef("account.errors.twoStepAlreadyOn") });
  });

  it("turning it off needs a recent proof and emails the person", async () => {
    const { user, caller } = await withTwoStep();
    await database.db.update(authSessions).set({ provedAt: new Date(Date.now() - 11 * 60_000) }).where(eq(authSessions.userId, user.id));
    await expect(caller.twoStep.turnOff()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await hasTwoStep(database.db, user.id)).toBe(true);
    await database.db.update(authSessions).set({ provedAt: new Date() }).where(eq(authSessions.userId, user.id));
    const before = sink.received.length;
    await expect(caller.twoStep.turnOff()).resolves.toEqual({ off: true });
    expect(await hasTwoStep(database.db, user.id)).toBe(false);
    await expect.poll(() => sink.received.slice(before).find((m) => m.to.includes(user.email))?.subject).toMatch(/turned off/i);
    expect(await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
  });
});

describe("two-step sign-in: the code step", () => {
  it("accepts the current code and one step either side, but never the same step twice", async () => {
    const { user, secret } = await withTwoStep();
    // One fixed moment, so a step boundary passing mid-test changes nothing.
    const now = new Date();
    const at = (steps: number) => new Date(now.getTime() + steps * TOTP_STEP_SECONDS * 1000);
    const challenge = newChallenge();
    await createChallenge(database.db, user.id, challenge);
    // Two steps ahead is too far.
    await expect(passChallenge(database.db, challenge, totpCodeAt(secret, at(2)), now)).resolves.toMatchObject({ ok: false, reason: "wrong" });
    await expect(passChallenge(database.db, challenge, totpCodeAt(secret, now), now)).resolves.toMatchObject({ ok: true, factor: "app", user: { id: user.id } });
    // The challenge is spent.
    await expect(passChallenge(database.db, challenge, totpCodeAt(secret, at(1)), now)).resolves.toMatchObject({ ok: false, reason: "expired" });

    // The same code again, on a new sign-in: refused (replay); the next step's code passes.
    const again = newChallenge();
    await createChallenge(database.db, user.id, again);
    await expect(passChallenge(database.db, again, totpCodeAt(secret, now), now)).resolves.toMatchObject({ ok: false, reason: "wrong" });
    await expect(passChallenge(database.db, again, totpCodeAt(secret, at(1)), now)).resolves.toMatchObject({ ok: true });
  });

  it("accepts a recovery code once, in any case and spacing", async () => {
    const { user, codes } = await withTwoStep();
    const first = newChallenge();
    await createChallenge(database.db, user.id, first);
    await expect(passChallenge(database.db, first, ` ${codes[3]!.toUpperCase()} `)).resolves.toMatchObject({ ok: true, factor: "recovery" });
    const second = newChallenge();
    await createChallenge(database.db, user.id, second);
    await expect(passChallenge(database.db, second, codes[3]!)).resolves.toMatchObject({ ok: false, reason: "wrong" });
  });

  it("caps wrong codes per challenge and per person, and refuses expired challenges", async () => {
    const { user, secret } = await withTwoStep();
    const challenge = newChallenge();
    await createChallenge(database.db, user.id, challenge);
    for (let i = 0; i < MAX_FAILURES_PER_CHALLENGE; i++) {
      await expect(passChallenge(database.db, challenge, "12345x")).resolves.toMatchObject({ ok: false, reason: "wrong" });
    }
    // Spent by wrong guesses: even the right code no longer passes on it.
    await expect(passChallenge(database.db, challenge, totpCodeAt(secret))).resolves.toMatchObject({ ok: false, reason: "expired" });

    const second = newChallenge();
    await createChallenge(database.db, user.id, second);
    for (let i = 0; i < MAX_FAILURES_PER_CHALLENGE; i++) await passChallenge(database.db, second, "000000x");
    // Ten wrong codes in the window: a fresh sign-in is throttled too, right code or not.
    const third = newChallenge();
    await createChallenge(database.db, user.id, third);
    await expect(passChallenge(database.db, third, totpCodeAt(secret))).resolves.toMatchObject({ ok: false, reason: "throttled" });

    const expired = newChallenge();
    const other = await withTwoStep();
    await createChallenge(database.db, other.user.id, expired);
    await database.db.update(twoStepChallenges).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(twoStepChallenges.userId, other.user.id));
    await expect(passChallenge(database.db, expired, totpCodeAt(other.secret))).resolves.toMatchObject({ ok: false, reason: "expired" });
  });
});

describe("two-step as a way to confirm it's you", () => {
  it("a right code gives the session a fresh proof; a wrong one does not", async () => {
    const { user, caller, secret } = await withTwoStep();
    await database.db.update(authSessions).set({ provedAt: new Date(Date.now() - 11 * 60_000) }).where(eq(authSessions.userId, user.id));
    await expect(caller.twoStep.confirmIdentity({ code: "99999x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: messageRef("account.errors.codeWrong"),
      cause: { field: "code" },
    });
    await expect(caller.twoStep.turnOff()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.twoStep.confirmIdentity({ code: totpCodeAt(secret) })).resolves.toEqual({ confirmed: true });
    await expect(caller.twoStep.turnOff()).resolves.toEqual({ off: true });
  });

  it("a right code renews the session (ASVS 7.2.4): a new id in a new cookie, the old one dead", async () => {
    const { user, secret } = await withTwoStep();
    const here = await renewableCallerFor(database.db, user, mailer());
    await expect(here.caller.twoStep.confirmIdentity({ code: "99999x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(here.cookies).toEqual([]);
    await expect(here.caller.twoStep.confirmIdentity({ code: totpCodeAt(secret) })).resolves.toEqual({ confirmed: true });
    expect(here.cookies).toHaveLength(1);
    expect(await findSessionUser(database.db, here.sessionId)).toBeNull();
    expect(await findSessionUser(database.db, here.cookies[0]!)).toMatchObject({ id: user.id });
  });
});

describe("an owner requiring two-step sign-in in a case", () => {
  it("is an activity entry, and every other current member is emailed with nothing beyond the case's title", async () => {
    const owner = await withTwoStep();
    const theCase = await createCase(database.db, owner.user.id, { title: "Dad's heart valve", patientName: "Walter Example", understanding: "Severe stenosis" });
    const supporter = await createUser(database.db);
    const viewer = await createUser(database.db);
    const lapsed = await createUser(database.db);
    await addMember(database.db, theCase.id, supporter.id, "supporter");
    await addMember(database.db, theCase.id, viewer.id, "viewer");
    const lapsedMemberId = await addMember(database.db, theCase.id, lapsed.id, "viewer");
    await database.db.update(caseMembers).set({ accessEndsAt: new Date(Date.now() - 60_000) }).where(eq(caseMembers.id, lapsedMemberId));
    const entries = () =>
      database.db
        .select({ action: activity.action, summary: activity.summary, actorId: activity.actorId, visibility: activity.visibility })
        .from(activity)
        .where(and(eq(activity.caseId, theCase.id), eq(activity.action, "case.two_step_changed")));
    const sentBefore = sink.received.length;

    await expect(owner.caller.twoStep.setCaseRequirement({ caseId: theCase.id, required: true })).resolves.toEqual({ required: true });
    expect(await entries()).toEqual([
      { action: "case.two_step_changed", summary: messageRef("cases.activity.twoStepRequired"), actorId: owner.user.id, visibility: "members" },
    ]);
    for (const member of [supporter, viewer]) {
      const mail = await sink.nextMailTo(member.email);
      expect(mail.subject).toBe(`"Dad's heart valve" now asks for two-step sign-in`);
      expect(mail.text).toContain(`${owner.user.name} now asks everyone in "Dad's heart valve"`);
      expect(mail.text).toContain("http://localhost:3000/account");
      expect(mail.text).not.toMatch(/Walter|stenosis/i);
    }
    const sent = sink.received.slice(sentBefore);
    // Not the owner, who made the change, and not a member whose access has ended.
    expect(sent.flatMap((m) => m.to).sort()).toEqual([supporter.email, viewer.email].sort());

    // The same again changes nothing and tells no one.
    await owner.caller.twoStep.setCaseRequirement({ caseId: theCase.id, required: true });
    expect(await entries()).toHaveLength(1);
    expect(sink.received.length).toBe(sentBefore + 2);

    await owner.caller.twoStep.setCaseRequirement({ caseId: theCase.id, required: false });
    expect((await entries()).map((e) => e.summary)).toContain(messageRef("cases.activity.twoStepStopped"));
    await expect.poll(() => sink.received.length).toBe(sentBefore + 4);
    const off = sink.received.slice(sentBefore + 2);
    expect(off.map((m) => m.subject)).toEqual([`"Dad's heart valve" no longer asks for two-step sign-in`, `"Dad's heart valve" no longer asks for two-step sign-in`]);
  });
});
