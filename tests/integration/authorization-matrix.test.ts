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
import { activity } from "@/db/schema";
import { type CaseRole, roleAtLeast } from "@/lib/member";
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
