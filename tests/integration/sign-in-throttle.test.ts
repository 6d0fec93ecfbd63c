import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/server/database/factories";
import { signInAttempts } from "@/db/schema";
import { verifyCredentials } from "@/server/auth/credentials";
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP, SIGN_IN_WINDOW_MINUTES } from "@/server/auth/throttle";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

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
  it(`refuses even the right password after ${MAX_FAILURES_PER_EMAIL} failures for one email, and says for how long`, async () => {
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
