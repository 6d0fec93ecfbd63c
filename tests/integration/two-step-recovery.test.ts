import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { twoStepCredentials, twoStepResets } from "@/db/schema";
import { createUser } from "@/server/database/factories";
import { requestTwoStepResetLink } from "@/server/auth/email-links";
import { hasTwoStep } from "@/server/auth/two-step";
import { cancelTwoStepReset, completeDueTwoStepResets, startTwoStepReset, TWO_STEP_RESET_WAIT_MS } from "@/server/auth/two-step-reset";
import { createSmtpMailer } from "@/server/mail";
import { startSmtpSink, type ReceivedMail } from "../support/smtp-sink";
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
const browser = "r".repeat(43);
let ipCounter = 0;

/** The next mail to `to` whose subject matches, received after `since` (an index into sink.received). */
async function mailTo(to: string, subject: RegExp, since: number): Promise<ReceivedMail> {
  await expect.poll(() => sink.received.slice(since).some((m) => m.to.includes(to) && subject.test(m.subject))).toBe(true);
  return sink.received.slice(since).find((m) => m.to.includes(to) && subject.test(m.subject))!;
}
const tokenIn = (mail: ReceivedMail, path: string) => decodeURIComponent(new RegExp(`${path}\\?token=([\\w-]+)`).exec(mail.text)![1]!);

async function personWithTwoStep() {
  const user = await createUser(database.db);
  await database.db.insert(twoStepCredentials).values({ userId: user.id, secretEncrypted: "not-read-here", enabledAt: new Date() });
  return user;
}

async function startWait(user: { id: string; email: string }, now: Date) {
  const since = sink.received.length;
  await requestTwoStepResetLink(database.db, mailer(), { userId: user.id, ip: `203.0.113.${++ipCounter}`, browserSecret: browser });
  const token = tokenIn(await mailTo(user.email, /turning off two-step/i, since), "/sign-in/recover/start");
  const started = await startTwoStepReset(database.db, mailer(), { token, browserSecret: browser, now });
  const startMail = await mailTo(user.email, /will be turned off in 24 hours/i, since);
  return { started, cancelToken: tokenIn(startMail, "/sign-in/recover/cancel"), since };
}

describe("recovering from a lost authenticator without recovery codes", () => {
  it("an emailed link starts a 24-hour wait; two-step is turned off only when it ends, and the person is emailed both times", async () => {
    const user = await personWithTwoStep();
    const t0 = new Date("2026-03-01T09:00:00Z");
    const { started, since } = await startWait(user, t0);
    expect(started).toEqual({ endsAt: new Date(t0.getTime() + TWO_STEP_RESET_WAIT_MS) });

    // One minute before the end: nothing happens.
    await expect(completeDueTwoStepResets(database.db, mailer(), { userId: user.id, now: new Date(t0.getTime() + TWO_STEP_RESET_WAIT_MS - 60_000) })).resolves.toBe(0);
    expect(await hasTwoStep(database.db, user.id)).toBe(true);

    // At the end: off, and told.
    await expect(completeDueTwoStepResets(database.db, mailer(), { userId: user.id, now: new Date(t0.getTime() + TWO_STEP_RESET_WAIT_MS) })).resolves.toBe(1);
    expect(await hasTwoStep(database.db, user.id)).toBe(false);
    expect((await mailTo(user.email, /was turned off/i, since)).text).toMatch(/24-hour wait has ended/);
    // Done once only.
    await expect(completeDueTwoStepResets(database.db, mailer(), { userId: user.id, now: new Date(t0.getTime() + 2 * TWO_STEP_RESET_WAIT_MS) })).resolves.toBe(0);
  });

  it("the person can cancel from the start email, without signing in; two-step then stays on", async () => {
    const user = await personWithTwoStep();
    const t0 = new Date("2026-03-02T09:00:00Z");
    const { cancelToken } = await startWait(user, t0);
    await expect(cancelTwoStepReset(database.db, cancelToken, new Date(t0.getTime() + 60 * 60_000))).resolves.toBe(true);
    await expect(cancelTwoStepReset(database.db, cancelToken)).resolves.toBe(false);
    await expect(completeDueTwoStepResets(database.db, mailer(), { userId: user.id, now: new Date(t0.getTime() + 2 * TWO_STEP_RESET_WAIT_MS) })).resolves.toBe(0);
    expect(await hasTwoStep(database.db, user.id)).toBe(true);
  });

  it("the start link works once, only in the browser that asked, and a second start reports the running wait", async () => {
    const user = await personWithTwoStep();
    const since = sink.received.length;
    await requestTwoStepResetLink(database.db, mailer(), { userId: user.id, ip: "203.0.113.200", browserSecret: browser });
    const token = tokenIn(await mailTo(user.email, /turning off two-step/i, since), "/sign-in/recover/start");
    await expect(startTwoStepReset(database.db, mailer(), { token, browserSecret: "o".repeat(43) })).resolves.toBeNull();
    const t0 = new Date();
    const first = await startTwoStepReset(database.db, mailer(), { token, browserSecret: browser, now: t0 });
    expect(first).not.toBeNull();
    await expect(startTwoStepReset(database.db, mailer(), { token, browserSecret: browser })).resolves.toBeNull();

    const again = sink.received.length;
    await requestTwoStepResetLink(database.db, mailer(), { userId: user.id, ip: "203.0.113.201", browserSecret: browser });
    const second = tokenIn(await mailTo(user.email, /turning off two-step/i, again), "/sign-in/recover/start");
    await expect(startTwoStepReset(database.db, mailer(), { token: second, browserSecret: browser })).resolves.toEqual(first);
    expect(await database.db.select().from(twoStepResets).where(eq(twoStepResets.userId, user.id))).toHaveLength(1);
  });
});
