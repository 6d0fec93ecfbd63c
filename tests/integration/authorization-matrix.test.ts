/**
 * Walks the whole tRPC router: every case procedure (found by its `minRole` meta) is called as
 * owner, supporter, viewer, a lapsed member, the owner of another case, a signed-in outsider and
 * anonymous, and must allow or refuse exactly as the role table says. A new procedure that is
 * neither listed in tests/support/procedure-inputs.ts nor declared case-free there makes this test fail.
 * An allowed call may change its case, so each gets a fresh fixture; a refusal must change nothing (each
 * asserts that), so all refusals share one fixture. Every call is made as production makes it, with
 * the per-request access-check memo; a refused call is made twice in one request, so a remembered
 * check can never turn a refusal into a pass.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activity, cases, passkeys, twoStepCredentials } from "@/db/schema";
import { type CaseRole, roleAtLeast } from "@/lib/member";
import { TwoStepRequired } from "@/server/access";
import {
  callerAs,
  callProcedure,
  CASE_FREE,
  caseProcedures,
  createPeople,
  freshFixture,
  INPUTS,
  procedures,
  type Fixture,
  type People,
  type Persona,
} from "../support/procedure-inputs";
import { callerFor } from "../support/callers";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

/** Past the gate, a domain rule may still refuse: these are the only expected ones. */
const DOMAIN_REFUSALS: Record<string, string> = {
  "member.leave:owner": "BAD_REQUEST", // the owner hands over ownership before leaving
  "note.update:owner": "FORBIDDEN", // only the author edits a note (the fixture's note is the supporter's)
};

const PERSONAS: Persona[] = ["owner", "supporter", "viewer", "lapsed", "otherCaseOwner", "outsider", "anonymous"];

function expectedOutcome(persona: Persona, minRole: CaseRole): "allowed" | "UNAUTHORIZED" | "NOT_FOUND" | "FORBIDDEN" {
  if (persona === "anonymous") return "UNAUTHORIZED";
  if (persona === "lapsed" || persona === "otherCaseOwner" || persona === "outsider") return "NOT_FOUND";
  return roleAtLeast(persona, minRole) ? "allowed" : "FORBIDDEN";
}

let database: TestDatabase;
let people: People;
/** The one fixture every refusal is tried on. */
let refusalFixture: Fixture;

beforeAll(async () => {
  database = await createTestDatabase();
  people = await createPeople(database.db);
  refusalFixture = await freshFixture(database.db, people);
});
afterAll(() => database?.cleanup());

const outcomeOf = (call: Promise<unknown>) =>
  call.then(
    () => "allowed" as const,
    (error: { code?: string }) => error.code ?? "thrown",
  );

const activityCount = async (caseId: string) =>
  (await database.db.select({ n: count() }).from(activity).where(eq(activity.caseId, caseId)))[0]!.n;

describe("authorization matrix", () => {
  it("finds the case procedures, and every procedure is either listed here or declared case-free", () => {
    expect(caseProcedures.length).toBeGreaterThanOrEqual(Object.keys(INPUTS).length);
    for (const [path, proc] of procedures) {
      const covered = proc._def.meta?.minRole ? path in INPUTS : CASE_FREE.has(path);
      expect(covered, `${path} is not covered by the authorization matrix`).toBe(true);
    }
  });

  for (const { path, minRole } of caseProcedures) {
    describe(`${path} (at least ${minRole})`, () => {
      for (const persona of PERSONAS) {
        const expected = expectedOutcome(persona, minRole);
        it(`${persona}: ${expected === "allowed" ? "allowed" : `refused with ${expected}`}`, async () => {
          const fixture = expected === "allowed" ? await freshFixture(database.db, people) : refusalFixture;
          const input = INPUTS[path]!(fixture);
          const before = await activityCount(fixture.caseId);
          const request = await callerAs(database.db, people, persona, { asOneRequest: true });
          const outcome = await outcomeOf(callProcedure(request, path, input));
          if (expected === "allowed") {
            expect(outcome).toBe(DOMAIN_REFUSALS[`${path}:${persona}`] ?? "allowed");
          } else {
            expect(outcome).toBe(expected);
            expect(await outcomeOf(callProcedure(request, path, input)), "the same request, asking again").toBe(expected);
            expect(await activityCount(fixture.caseId), "a refusal changed nothing").toBe(before);
          }
        });
      }
    });
  }
});

/**
 * A case whose owner requires two-step sign-in: every case procedure refuses a member without a
 * strong factor — FORBIDDEN with the TwoStepRequired cause (the lock screen), whatever their role —
 * and lets a member with one through exactly as before. Enforced once, in requireCaseMember.
 */
describe("authorization matrix: a case that requires two-step sign-in", () => {
  let strict: People;
  let lockedFixture: Fixture;
  const requireTwoStep = (caseId: string) => database.db.update(cases).set({ requireTwoStep: true }).where(eq(cases.id, caseId));

  beforeAll(async () => {
    strict = await createPeople(database.db);
    // The owner has two-step on; the supporter has not.
    await database.db.insert(twoStepCredentials).values({ userId: strict.owner.id, secretEncrypted: "not-read-here", enabledAt: new Date() });
    lockedFixture = await freshFixture(database.db, strict);
    await requireTwoStep(lockedFixture.caseId);
  });

  for (const { path, minRole } of caseProcedures) {
    it(`${path}: a member without two-step is refused (locked); one with it is ${expectedOutcome("owner", minRole)}`, async () => {
      const before = await activityCount(lockedFixture.caseId);
      const locked = await callerAs(database.db, strict, "supporter", { asOneRequest: true });
      for (let i = 0; i < 2; i++) {
        await expect(callProcedure(locked, path, INPUTS[path]!(lockedFixture))).rejects.toMatchObject({
          code: "FORBIDDEN",
          cause: expect.any(TwoStepRequired),
        });
      }
      expect(await activityCount(lockedFixture.caseId), "a refusal changed nothing").toBe(before);

      const fixture = await freshFixture(database.db, strict);
      await requireTwoStep(fixture.caseId);
      const allowed = await callerAs(database.db, strict, "owner", { asOneRequest: true });
      expect(await outcomeOf(callProcedure(allowed, path, INPUTS[path]!(fixture)))).toBe(DOMAIN_REFUSALS[`${path}:owner`] ?? "allowed");
    });
  }

  it("the lock lifts as soon as the member sets up two-step", async () => {
    const member = await callerAs(database.db, strict, "viewer");
    await expect(member.case.get({ caseId: lockedFixture.caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await database.db.insert(twoStepCredentials).values({ userId: strict.viewer.id, secretEncrypted: "not-read-here", enabledAt: new Date() });
    await expect(member.case.get({ caseId: lockedFixture.caseId })).resolves.toMatchObject({ id: lockedFixture.caseId });
  });

  it("a passkey counts as a strong factor on its own", async () => {
    const member = await callerFor(database.db, strict.other);
    await expect(member.case.get({ caseId: lockedFixture.caseId })).rejects.toMatchObject({ code: "FORBIDDEN", cause: expect.any(TwoStepRequired) });
    await database.db.insert(passkeys).values({ userId: strict.other.id, credentialId: `cred-${strict.other.id}`, publicKey: "not-read-here", name: "My phone" });
    await expect(member.case.get({ caseId: lockedFixture.caseId })).resolves.toMatchObject({ id: lockedFixture.caseId });
  });
});
