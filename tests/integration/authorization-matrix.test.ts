/**
 * Walks the whole tRPC router: every case procedure (found by its `minRole` meta) is called as
 * owner, supporter, viewer, a lapsed member, the owner of another case, a signed-in outsider and
 * anonymous, and must allow or refuse exactly as the role table says. A new procedure that is
 * neither listed below nor declared case-free makes this test fail.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, createCase, createUser } from "@/db/factories";
import { activity, invitations } from "@/db/schema";
import { createToken } from "@/server/auth/tokens";
import { appRouter } from "@/server/routers/_app";
import { roleAtLeast, type CaseRole } from "@/server/shared/roles";
import type { Meta } from "@/server/trpc";
import { anonymousCaller, callerFor } from "../support/callers";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

type Fixture = { caseId: string; title: string; otherMemberId: string; invitationId: string };
type Persona = "owner" | "supporter" | "viewer" | "lapsed" | "otherCaseOwner" | "outsider" | "anonymous";

/** A valid input for every case procedure, built on a fresh case. */
const INPUTS: Record<string, (f: Fixture) => Record<string, unknown>> = {
  "activity.list": (f) => ({ caseId: f.caseId }),
  "case.get": (f) => ({ caseId: f.caseId }),
  "case.update": (f) => ({
    caseId: f.caseId,
    patientName: "Pat",
    title: "Renamed",
    understanding: "",
    decision: "",
    urgent: false,
    version: 1,
  }),
  "case.setArchived": (f) => ({ caseId: f.caseId, archived: true }),
  "case.delete": (f) => ({ caseId: f.caseId, confirmTitle: f.title }),
  "case.transferOwnership": (f) => ({ caseId: f.caseId, memberId: f.otherMemberId }),
  "case.markSeen": (f) => ({ caseId: f.caseId }),
  "member.list": (f) => ({ caseId: f.caseId }),
  "member.changeRole": (f) => ({ caseId: f.caseId, memberId: f.otherMemberId, role: "supporter" }),
  "member.remove": (f) => ({ caseId: f.caseId, memberId: f.otherMemberId }),
  "member.setAccessEnd": (f) => ({ caseId: f.caseId, memberId: f.otherMemberId, accessEndsAt: new Date(Date.now() + 86_400_000) }),
  "member.leave": (f) => ({ caseId: f.caseId }),
  "invitation.list": (f) => ({ caseId: f.caseId }),
  "invitation.create": (f) => ({ caseId: f.caseId, email: `new-${f.caseId.slice(0, 8)}@example.test`, role: "viewer", message: "" }),
  "invitation.resend": (f) => ({ caseId: f.caseId, invitationId: f.invitationId }),
  "invitation.revoke": (f) => ({ caseId: f.caseId, invitationId: f.invitationId }),
};

/** Procedures that are deliberately not case-scoped (they take no caseId). */
const CASE_FREE = new Set([
  "account.signUp",
  "account.me",
  "account.requestPasswordReset",
  "account.resetPassword",
  "case.list",
  "case.create",
  "invitation.preview",
  "invitation.accept",
]);

// At run time `_def.procedures` is a flat map of dotted paths (its static type is the nested router).
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>);
const caseProcedures = procedures
  .filter(([, proc]) => proc._def.meta?.minRole)
  .map(([path, proc]) => ({ path, minRole: proc._def.meta!.minRole as CaseRole }));

/** Past the gate, a domain rule may still refuse: these are the only expected ones. */
const DOMAIN_REFUSALS: Record<string, string> = {
  "member.leave:owner": "BAD_REQUEST", // the owner hands over ownership before leaving
};

const PERSONAS: Persona[] = ["owner", "supporter", "viewer", "lapsed", "otherCaseOwner", "outsider", "anonymous"];

function expectedOutcome(persona: Persona, minRole: CaseRole): "allowed" | "UNAUTHORIZED" | "NOT_FOUND" | "FORBIDDEN" {
  if (persona === "anonymous") return "UNAUTHORIZED";
  if (persona === "lapsed" || persona === "otherCaseOwner" || persona === "outsider") return "NOT_FOUND";
  return roleAtLeast(persona, minRole) ? "allowed" : "FORBIDDEN";
}

let database: TestDatabase;
let people: Record<Exclude<Persona, "anonymous"> | "other", Awaited<ReturnType<typeof createUser>>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const names = ["owner", "supporter", "viewer", "lapsed", "otherCaseOwner", "outsider", "other"] as const;
  const created = await Promise.all(names.map((name) => createUser(database.db, { name })));
  people = Object.fromEntries(names.map((n, i) => [n, created[i]!])) as typeof people;
  await createCase(database.db, people.otherCaseOwner.id);
});
afterAll(() => database?.cleanup());

async function freshFixture(): Promise<Fixture> {
  const db = database.db;
  const created = await createCase(db, people.owner.id);
  await addMember(db, created.id, people.supporter.id, "supporter");
  await addMember(db, created.id, people.viewer.id, "viewer");
  await addMember(db, created.id, people.lapsed.id, "supporter", { accessEndsAt: new Date(Date.now() - 60_000) });
  const otherMemberId = await addMember(db, created.id, people.other.id, "viewer");
  const [invitation] = await db
    .insert(invitations)
    .values({
      caseId: created.id,
      email: `invited-${created.id.slice(0, 8)}@example.test`,
      role: "viewer",
      tokenHash: createToken().tokenHash,
      invitedBy: people.owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: invitations.id });
  return { caseId: created.id, title: created.title, otherMemberId, invitationId: invitation!.id };
}

async function callAs(persona: Persona, path: string, input: Record<string, unknown>) {
  const caller = persona === "anonymous" ? anonymousCaller(database.db) : await callerFor(database.db, people[persona]);
  const [domain, name] = path.split(".") as [string, string];
  const fn = (caller as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[domain]![name]!;
  return fn(input);
}

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
          const fixture = await freshFixture();
          const input = INPUTS[path]!(fixture);
          const before = await activityCount(fixture.caseId);
          const outcome = await callAs(persona, path, input).then(
            () => "allowed" as const,
            (error: { code?: string }) => error.code ?? "thrown",
          );
          if (expected === "allowed") {
            expect(outcome).toBe(DOMAIN_REFUSALS[`${path}:${persona}`] ?? "allowed");
          } else {
            expect(outcome).toBe(expected);
            expect(await activityCount(fixture.caseId), "a refusal changed nothing").toBe(before);
          }
        });
      }
    });
  }
});
