/**
 * Property: every procedure, called by anyone with hostile input (control characters, very long
 * strings, wrong types, missing fields, ids from another case, arbitrary values), answers with a
 * deliberate error or a success — never INTERNAL_SERVER_ERROR — and a refusal changes nothing.
 * Each procedure starts from its valid input (tests/support/procedure-inputs.ts) and fast-check bends it.
 */
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callerAs,
  callProcedure,
  CASE_FREE,
  createPeople,
  freshFixture,
  INPUTS,
  procedures,
  type Caller,
  type Fixture,
  type People,
  type Persona,
} from "../support/procedure-inputs";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

/**
 * About 2 000 calls in all by default, spread evenly over the procedures, from a fixed seed so every
 * run checks the same inputs. The wider sweep: FAST_CHECK_RUNS=10000 (the total, not per procedure).
 * FUZZ_SEED picks other inputs, or replays the seed a failure reports.
 */
const TOTAL_CALLS = Number(process.env.FAST_CHECK_RUNS || 2_000);
const SEED = Number(process.env.FUZZ_SEED || 20_251_130);
const RUNS_PER_PROCEDURE = Math.ceil(TOTAL_CALLS / procedures.length);
const PERSONAS: Persona[] = ["owner", "supporter", "viewer", "lapsed", "otherCaseOwner", "outsider", "anonymous"];

/** Valid inputs for the procedures that are not case-scoped. */
const CASE_FREE_INPUTS: Record<string, (f: Fixture) => unknown> = {
  "account.signUp": () => ({ name: "Fuzz", email: "fuzz@example.test", password: "a long enough passphrase", confirmPassword: "a long enough passphrase" }),
  "account.me": () => undefined,
  "account.changePassword": () => ({ currentPassword: "not the password", password: "a brand new long passphrase" }),
  "account.requestPasswordReset": () => ({ email: "someone@example.test" }),
  "account.resetPassword": () => ({ token: "not-a-real-token", password: "another long passphrase", confirmPassword: "another long passphrase" }),
  "account.deletionPreview": () => undefined,
  // Never the real password: a hostile call must not delete the fuzzing account.
  "account.delete": () => ({ password: "not the password" }),
  "case.list": () => undefined,
  "case.create": () => ({ patientName: "Pat", title: "Fuzzed case", understanding: "", decision: "", urgent: false }),
  "invitation.preview": () => ({ token: "not-a-real-token" }),
  "invitation.accept": () => ({ token: "not-a-real-token" }),
  "notification.settings": () => undefined,
  "notification.set": () => ({ channels: { assigned: "now", due: "digest", visit: "now", new: "off" }, digestHour: 8, timeZone: "Europe/Madrid" }),
  "calendar.feed": () => undefined,
  "calendar.renewFeed": () => undefined,
  "calendar.revokeFeed": () => undefined,
  "emailLink.requestConfirmation": () => undefined,
  "twoStep.status": () => undefined,
  "twoStep.beginSetup": () => undefined,
  "twoStep.confirmSetup": () => ({ code: "123456" }),
  "twoStep.turnOff": () => undefined,
  "twoStep.confirmIdentity": () => ({ code: "123456" }),
  "password.status": () => undefined,
  "password.remove": () => undefined,
  "password.set": () => ({ password: "a long enough passphrase" }),
  // Never the real password, as for account.delete.
  "account.confirmIdentity": () => ({ password: "not the password" }),
  "session.list": () => undefined,
  "session.end": () => ({ sessionId: "00000000-0000-4000-8000-000000000000" }),
  "session.endOthers": () => undefined,
  "session.checkRecentProof": () => undefined,
  "session.confirmWays": () => undefined,
  "passkey.list": () => undefined,
  "passkey.registrationOptions": () => undefined,
  // Well-formed WebAuthn answers to no challenge issued here: checked, and refused.
  "passkey.add": () => ({
    name: "Fuzzed key",
    response: { id: "AAAA", rawId: "AAAA", type: "public-key", clientExtensionResults: {}, response: { clientDataJSON: "e30", attestationObject: "oA" } },
  }),
  "passkey.rename": () => ({ id: "00000000-0000-4000-8000-000000000000", name: "Renamed" }),
  "passkey.remove": () => ({ id: "00000000-0000-4000-8000-000000000000" }),
  "passkey.confirmOptions": () => undefined,
  "passkey.confirm": () => ({
    response: { id: "AAAA", rawId: "AAAA", type: "public-key", clientExtensionResults: {}, response: { clientDataJSON: "e30", authenticatorData: "AA", signature: "AA" } },
  }),
};

const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31m\u007f",
  "\ud800",
  "\u202eevil",
  "x".repeat(100_001),
  "<script>alert(1)</script>",
  "'; drop table cases; --",
  "../../etc/passwd",
  "__proto__",
  "00000000-0000-0000-0000-000000000000",
];

const hostileValue = (otherCaseIds: string[]) =>
  fc.oneof(
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.constantFrom(...otherCaseIds),
    fc.uuid(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constantFrom(null, undefined, new Date(Number.NaN), new Date(8.64e15)),
    fc.date(),
    fc.array(fc.oneof(fc.string(), fc.uuid(), fc.integer()), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  );

/** The valid input, bent: one field replaced or dropped, ids swapped for another case's, or anything at all. */
function hostileInput(valid: unknown, otherCase: unknown, otherCaseIds: string[]) {
  if (typeof valid !== "object" || valid === null) return fc.oneof(fc.constant(valid), hostileValue(otherCaseIds), fc.anything());
  const fields = valid as Record<string, unknown>;
  const keys = Object.keys(fields);
  const idSwap = Object.fromEntries(
    Object.entries(otherCase as Record<string, unknown>).filter(([key, value]) => key !== "caseId" && typeof value === "string"),
  );
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(fields) },
    { weight: 5, arbitrary: fc.record({ key: fc.constantFrom(...keys), value: hostileValue(otherCaseIds) }).map(({ key, value }) => ({ ...fields, [key]: value })) },
    { weight: 1, arbitrary: fc.constantFrom(...keys).map((key) => ({ ...fields, [key]: undefined })) },
    { weight: 1, arbitrary: fc.constant({ ...fields, ...idSwap }) },
    { weight: 1, arbitrary: fc.anything() },
  );
}

let database: TestDatabase;
let people: People;
let callers: Record<Persona, Caller>;

beforeAll(async () => {
  database = await createTestDatabase();
  people = await createPeople(database.db);
  const entries = await Promise.all(PERSONAS.map(async (p) => [p, await callerAs(database.db, people, p)] as const));
  callers = Object.fromEntries(entries) as Record<Persona, Caller>;
});
afterAll(() => database?.cleanup());

/** A cheap fingerprint of everything in the target case and the other one: any write changes it. */
async function fingerprint(...caseIds: string[]): Promise<string> {
  return (await Promise.all(caseIds.map(caseFingerprint))).join();
}

async function caseFingerprint(caseId: string): Promise<string> {
  const rows = await database.db.execute(sql`
    select
      (select count(*) from activity where case_id = ${caseId}) as activity,
      (select count(*) from case_members where case_id = ${caseId}) as members,
      (select coalesce(sum(version), 0) from cases where id = ${caseId}) as case_version,
      (select coalesce(sum(version), 0) + count(*) from questions where case_id = ${caseId}) as questions,
      (select coalesce(sum(version), 0) + count(*) from notes where case_id = ${caseId}) as notes,
      (select coalesce(sum(version), 0) + count(*) from records where case_id = ${caseId}) as records,
      (select count(*) from invitations where case_id = ${caseId}) as invitations`);
  return JSON.stringify(Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows);
}

describe("hostile input", () => {
  it(`calls every procedure ${RUNS_PER_PROCEDURE} times (${RUNS_PER_PROCEDURE * procedures.length} in all)`, async () => {
    expect(RUNS_PER_PROCEDURE * procedures.length).toBeGreaterThanOrEqual(TOTAL_CALLS);
    for (const [path] of procedures) {
      const valid = INPUTS[path] ?? CASE_FREE_INPUTS[path];
      expect(valid, `${path} has no valid input to start from`).toBeDefined();
      expect(path in INPUTS || CASE_FREE.has(path)).toBe(true);
    }
  });

  for (const [path] of procedures) {
    it(`${path}: never an internal error, and a refusal changes nothing`, async () => {
      const target = await freshFixture(database.db, people);
      const other = await freshFixture(database.db, people);
      const valid = (INPUTS[path] ?? CASE_FREE_INPUTS[path])!;
      const otherCaseIds = Object.values(other).filter((v): v is string => typeof v === "string");
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...PERSONAS), hostileInput(valid(target), valid(other), otherCaseIds), async (persona, input) => {
          const before = await fingerprint(target.caseId, other.caseId);
          const error = await callProcedure(callers[persona], path, input).then(
            () => null,
            (e: unknown) => e,
          );
          if (error === null) return;
          expect(error, `${path} threw something that is not a tRPC error`).toBeInstanceOf(TRPCError);
          expect((error as TRPCError).code, `${path} as ${persona}: ${(error as TRPCError).message}`).not.toBe("INTERNAL_SERVER_ERROR");
          expect(await fingerprint(target.caseId, other.caseId), `${path} as ${persona} was refused but changed data`).toBe(before);
        }),
        { numRuns: RUNS_PER_PROCEDURE, seed: SEED },
      );
    });
  }
});
