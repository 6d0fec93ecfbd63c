import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/server/database/factories";
import { knownDevices, signInAttempts } from "@/db/schema";
import { verifyCredentials } from "@/server/auth/credentials";
import { newDeviceId, readDeviceCookie, rememberDevice, signedDeviceCookie } from "@/server/auth/known-devices";
import { createSmtpMailer } from "@/server/mail";
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP, SIGN_IN_WINDOW_MINUTES } from "@/server/auth/throttle";
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

const ipFor = (() => {
  let n = 0;
  return () => `198.51.100.${++n}`;
})();

describe("sign-in", () => {
  it("accepts the right password and gives the same answer for a wrong password and an unknown email", async () => {
    const user = await createUser(database.db);
    const ip = ipFor();
    expect(await verifyCredentials(database.db, { email: user.email.toUpperCase(), password: user.password }, ip)).toEqual({
      ok: true,
      user: { id: user.id, name: user.name, email: user.email },
    });
    const wrongPassword = await verifyCredentials(database.db, { email: user.email, password: "not the password" }, ip);
    const unknownEmail = await verifyCredentials(database.db, { email: "nobody@example.test", password: "whatever it is" }, ip);
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownEmail).toEqual(wrongPassword);
  });
});

describe("sign-in throttling", () => {
  it(`refuses even the right password from an unknown browser after ${MAX_FAILURES_PER_EMAIL} failures for one email, and says for how long`, async () => {
    const user = await createUser(database.db);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      const result = await verifyCredentials(database.db, { email: user.email, password: `wrong guess ${i}` }, ipFor());
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    const blocked = await verifyCredentials(database.db, { email: user.email, password: user.password }, ipFor());
    expect(blocked).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: SIGN_IN_WINDOW_MINUTES });

    // Another account is not affected by this one's lockout.
    const other = await createUser(database.db);
    expect((await verifyCredentials(database.db, { email: other.email, password: other.password }, ipFor())).ok).toBe(true);

    // Once the failures are older than the window, the right password works again.
    await database.db.execute(
      sql`update ${signInAttempts} set attempted_at = now() - interval '16 minutes' where email = ${user.email}`,
    );
    expect((await verifyCredentials(database.db, { email: user.email, password: user.password }, ipFor())).ok).toBe(true);
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const user = await createUser(database.db);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) {
      await verifyCredentials(database.db, { email: user.email, password: `wrong guess ${i}` }, ipFor());
    }
    expect((await verifyCredentials(database.db, { email: user.email, password: user.password }, ipFor())).ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) {
      await verifyCredentials(database.db, { email: user.email, password: `wrong again ${i}` }, ipFor());
    }
    expect((await verifyCredentials(database.db, { email: user.email, password: user.password }, ipFor())).ok).toBe(true);
  });

  it(`refuses an IP after ${MAX_FAILURES_PER_IP} failures across many emails`, async () => {
    const ip = ipFor();
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await verifyCredentials(database.db, { email: `spray-${i}@example.test`, password: "guess guess guess" }, ip);
    }
    const user = await createUser(database.db);
    const result = await verifyCredentials(database.db, { email: user.email, password: user.password }, ip);
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
    expect((await verifyCredentials(database.db, { email: user.email, password: user.password }, ipFor())).ok).toBe(true);
  });

  it("holds under 50 parallel wrong-password attempts: at most the limit of guesses is ever checked", async () => {
    const user = await createUser(database.db);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        verifyCredentials(database.db, { email: user.email, password: `parallel guess ${i}` }, ipFor()),
      ),
    );
    const checkedInBurst = results.filter((r) => !r.ok && r.reason === "invalid").length;
    const throttled = results.filter((r) => !r.ok && r.reason === "throttled").length;
    expect(checkedInBurst).toBeLessThanOrEqual(MAX_FAILURES_PER_EMAIL);
    expect(checkedInBurst + throttled).toBe(50);

    // Whatever the burst got, the window never allows more than the limit of checked guesses in all.
    let checkedAfter = 0;
    for (let i = 0; i < 10; i++) {
      const r = await verifyCredentials(database.db, { email: user.email, password: `later guess ${i}` }, ipFor());
      if (!r.ok && r.reason === "throttled") break;
      checkedAfter++;
    }
    expect(checkedInBurst + checkedAfter).toBe(MAX_FAILURES_PER_EMAIL);
  });
});

describe("an attacker cannot lock the person out (issue 15 §4.1, device cookies)", () => {
  const mailer = () => createSmtpMailer(sink.url, "SecondLook <no-reply@example.test>");

  /** What authorize() does after a right password: the browser becomes known to the account. */
  async function signInOnce(user: { id: string; email: string; password: string }) {
    const deviceId = newDeviceId();
    expect((await verifyCredentials(database.db, { email: user.email, password: user.password }, ipFor(), { deviceId })).ok).toBe(true);
    await rememberDevice(database.db, user.id, deviceId);
    return deviceId;
  }

  it("after 6 wrong passwords from an attacker, the person's own browser still gets in with the right password", async () => {
    const user = await createUser(database.db);
    const ownBrowser = await signInOnce(user);

    const attacker = await Promise.all(
      Array.from({ length: 6 }, (_, i) => verifyCredentials(database.db, { email: user.email, password: `attack ${i}` }, ipFor())),
    );
    expect(attacker.filter((r) => !r.ok && r.reason === "throttled").length).toBeGreaterThanOrEqual(1);

    expect(await verifyCredentials(database.db, { email: user.email, password: user.password }, ipFor(), { deviceId: ownBrowser })).toEqual({
      ok: true,
      user: { id: user.id, name: user.name, email: user.email },
    });
    // …again and again: the attacker's count is not the browser's.
    for (let i = 0; i < 3; i++) {
      expect((await verifyCredentials(database.db, { email: user.email, password: user.password }, ipFor(), { deviceId: ownBrowser })).ok).toBe(true);
    }
  });

  it("unknown browsers of an account under attack wait, the right password included, whatever cookie they send", async () => {
    const user = await createUser(database.db);
    await signInOnce(user);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      await verifyCredentials(database.db, { email: user.email, password: `attack ${i}` }, ipFor());
    }
    const noCookie = await verifyCredentials(database.db, { email: user.email, password: user.password }, ipFor());
    expect(noCookie).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: SIGN_IN_WINDOW_MINUTES });
    // A browser known to another account only is a stranger to this one.
    const other = await createUser(database.db);
    const othersBrowser = await signInOnce(other);
    const strangerCookie = await verifyCredentials(database.db, { email: user.email, password: user.password }, ipFor(), {
      deviceId: othersBrowser,
    });
    expect(strangerCookie).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("a known browser has its own limit: its wrong passwords hold back only itself", async () => {
    const user = await createUser(database.db);
    const browser = await signInOnce(user);
    const secondBrowser = await signInOnce(user);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      expect(await verifyCredentials(database.db, { email: user.email, password: `typo ${i}` }, ipFor(), { deviceId: browser })).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(await verifyCredentials(database.db, { email: user.email, password: user.password }, ipFor(), { deviceId: browser })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect((await verifyCredentials(database.db, { email: user.email, password: user.password }, ipFor(), { deviceId: secondBrowser })).ok).toBe(true);
    expect((await verifyCredentials(database.db, { email: user.email, password: user.password }, ipFor())).ok).toBe(true);
  });

  it("emails the person once when their account is under attack, with no details", async () => {
    const user = await createUser(database.db);
    await signInOnce(user);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL + 10; i++) {
      await verifyCredentials(database.db, { email: user.email, password: `attack ${i}` }, ipFor(), { mailer: mailer() });
    }
    const mail = await sink.nextMailTo(user.email);
    expect(mail.subject).toMatch(/wrong passwords/i);
    expect(mail.text).toMatch(/if this wasn't you, there is nothing you need to do/i);
    expect(mail.text).toMatch(/\/sign-in/);
    expect(mail.text).not.toMatch(/198\.51\.100|attack/);
    // Later attempts in the same day send nothing more.
    for (let i = 0; i < 3; i++) {
      await verifyCredentials(database.db, { email: user.email, password: `attack again ${i}` }, ipFor(), { mailer: mailer() });
    }
    expect(sink.received.filter((m) => m.to.includes(user.email))).toHaveLength(1);
    // Nobody is emailed for an address without an account.
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL + 2; i++) {
      await verifyCredentials(database.db, { email: "no-account-here@example.test", password: `attack ${i}` }, ipFor(), { mailer: mailer() });
    }
    expect(sink.received.filter((m) => m.to.includes("no-account-here@example.test"))).toHaveLength(0);
  });

  it("the device cookie is signed: a made-up or altered one is no browser at all", () => {
    const secret = "test-secret-test-secret-test-secret-xx";
    const id = newDeviceId();
    const cookie = signedDeviceCookie(id, secret);
    expect(readDeviceCookie(cookie, secret)).toBe(id);
    expect(readDeviceCookie(cookie, "another-secret-another-secret-another")).toBeNull();
    expect(readDeviceCookie(`${newDeviceId()}.${cookie.split(".")[1]}`, secret)).toBeNull();
    expect(readDeviceCookie(`${id}.`, secret)).toBeNull();
    expect(readDeviceCookie(undefined, secret)).toBeNull();
  });

  it("a known browser is remembered once per account, however often it signs in", async () => {
    const user = await createUser(database.db);
    const deviceId = newDeviceId();
    await rememberDevice(database.db, user.id, deviceId);
    await rememberDevice(database.db, user.id, deviceId);
    const rows = await database.db.select().from(knownDevices).where(eq(knownDevices.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.deviceHash).not.toContain(deviceId);
  });
});
