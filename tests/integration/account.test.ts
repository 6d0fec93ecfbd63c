import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/server/database/factories";
import { users } from "@/db/schema";
import { verifyPassword } from "@/server/auth/passwords";
import { createAuthSession, findSessionUser } from "@/server/auth/sessions";
import { createLogMailer } from "@/server/mail";
import { createCaller } from "@/server/routers/_app";
import { createContextInner } from "@/server/trpc";
import { anonymousCaller, callerFor } from "../support/callers";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

describe("account.signUp", () => {
  it("creates a user whose password is stored only as an argon2id hash", async () => {
    const user = await anonymousCaller(database.db).account.signUp({
      name: "  Ada Patient ",
      email: " Ada.Patient@Example.com ",
      password: "quiet river morning lamp",
    });
    expect(user).toEqual({ id: expect.any(String), name: "Ada Patient", email: "ada.patient@example.com" });
    expect(Object.keys(user)).not.toContain("passwordHash");

    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain("quiet river");
    expect(await verifyPassword(row!.passwordHash, "quiet river morning lamp")).toBe(true);
    expect(await verifyPassword(row!.passwordHash, "quiet river morning lam")).toBe(false);
  });

  it("refuses a second account for the same email, whatever its case, with a message on the email field", async () => {
    const caller = anonymousCaller(database.db);
    await caller.account.signUp({ name: "First", email: "twice@example.com", password: "quiet river morning lamp" });
    const attempt = caller.account.signUp({ name: "Second", email: "TWICE@example.com", password: "another long passphrase" });
    await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const error = await attempt.catch((e: unknown) => e);
    expect((error as { cause?: { field?: string } }).cause?.field).toBe("email");
    const rows = await database.db.select().from(users).where(eq(users.email, "twice@example.com"));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.name).toBe("First");
  });

  it.each([
    ["too short", "short pass"],
    ["very common", "password1234"],
    ["one repeated character", "aaaaaaaaaaaaaaa"],
  ])("refuses a password that is %s and creates nothing", async (_label, password) => {
    const email = `weak-${password.length}-${password.charCodeAt(0)}@example.com`;
    await expect(anonymousCaller(database.db).account.signUp({ name: "Weak", email, password })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await database.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("refuses an oversized name with a clear error instead of failing", async () => {
    await expect(
      anonymousCaller(database.db).account.signUp({ name: "x".repeat(5000), email: "long@example.com", password: "quiet river morning lamp" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("account.me", () => {
  it("answers UNAUTHORIZED to an anonymous caller", async () => {
    await expect(anonymousCaller(database.db).account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
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
    const user = await anonymousCaller(database.db).account.signUp({
      name: "Cho Changer",
      email: `changer-${crypto.randomUUID()}@example.com`,
      password: "quiet river morning lamp",
    });
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
    expect(wrong).toMatchObject({ code: "BAD_REQUEST", cause: { field: "currentPassword" } });
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
    await expect(
      caller.account.changePassword({ currentPassword: "quiet river morning lamp", password: "a brand new long passphrase" }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/try again in \d+ minute/) });
    expect(await verifyPassword(await passwordOf(user.id), "quiet river morning lamp")).toBe(true);
  });

  it("is refused to an anonymous caller", async () => {
    await expect(
      anonymousCaller(database.db).account.changePassword({ currentPassword: "x", password: "a brand new long passphrase" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
