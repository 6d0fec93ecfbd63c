/**
 * ASVS 16.3.2: every refused authorization is logged, once, as ids and a reason code, and never with
 * what the caller sent (it may be health text). Through the real router on a real database.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { authSessions } from "@/db/schema";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { callerFor } from "../support/callers";
import { captureLog } from "../support/captured-log";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());
afterEach(() => vi.restoreAllMocks());

const HEALTH_TEXT = "Biopsy result: malignant, told only my sister";

/** Runs `call`, returning the rejection and every line logged meanwhile (any level). */
async function logged(call: () => Promise<unknown>) {
  const log = captureLog();
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  log.stop();
  const lines = log.text.split("\n").filter(Boolean);
  const refusals = lines.filter((l) => l.includes('"access.refused"')).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { error, lines, refusals };
}

async function caseWithMembers() {
  const owner = await createUser(database.db);
  const theCase = await createCase(database.db, owner.id);
  const supporter = await createUser(database.db);
  const viewer = await createUser(database.db);
  await addMember(database.db, theCase.id, supporter.id, "supporter");
  await addMember(database.db, theCase.id, viewer.id, "viewer");
  return { owner, supporter, viewer, theCase };
}

describe("refused authorization is logged", () => {
  it("an outsider's write: one warning with user, procedure, case and reason; nothing of the input", async () => {
    const { theCase } = await caseWithMembers();
    const outsider = await createUser(database.db);
    const caller = await callerFor(database.db, outsider);
    const { error, lines, refusals } = await logged(() => caller.note.create({ caseId: theCase.id, body: HEALTH_TEXT, private: false }));
    expect(error).toMatchObject({ code: "NOT_FOUND" });
    expect(refusals).toEqual([
      {
        at: expect.any(String),
        level: "warn",
        event: "access.refused",
        userId: outsider.id,
        procedure: "note.create",
        caseId: theCase.id,
        reason: "not-member",
        code: "NOT_FOUND",
      },
    ]);
    expect(lines.join("\n")).not.toContain("Biopsy");
  });

  it("a role too low, and a handler's own check (someone else's note), each give exactly one line", async () => {
    const { owner, viewer, supporter, theCase } = await caseWithMembers();
    const asViewer = await callerFor(database.db, viewer);
    const low = await logged(() => asViewer.note.create({ caseId: theCase.id, body: HEALTH_TEXT, private: false }));
    expect(low.error).toMatchObject({ code: "FORBIDDEN" });
    expect(low.refusals).toMatchObject([{ userId: viewer.id, procedure: "note.create", caseId: theCase.id, reason: "role-too-low", code: "FORBIDDEN" }]);

    const ownersNote = await (await callerFor(database.db, owner)).note.create({ caseId: theCase.id, body: "From the owner", private: false });
    const asSupporter = await callerFor(database.db, supporter);
    const notAuthor = await logged(() =>
      asSupporter.note.update({ caseId: theCase.id, id: ownersNote.id, version: ownersNote.version, body: HEALTH_TEXT, private: false, opinionId: null }),
    );
    expect(notAuthor.error).toMatchObject({ code: "FORBIDDEN" });
    expect(notAuthor.refusals).toMatchObject([{ userId: supporter.id, procedure: "note.update", caseId: theCase.id, reason: "not-author" }]);
    expect([...low.lines, ...notAuthor.lines].join("\n")).not.toContain("Biopsy");
  });

  it("allowed calls and other refusals (an old 'confirm it's you', bad input) log no refusal", async () => {
    const { owner, theCase } = await caseWithMembers();
    const caller = await callerFor(database.db, owner);
    expect((await logged(() => caller.note.create({ caseId: theCase.id, body: "Fine", private: false }))).refusals).toEqual([]);
    await database.db.update(authSessions).set({ provedAt: new Date(Date.now() - 11 * 60_000) }).where(eq(authSessions.userId, owner.id));
    const proof = await logged(() => caller.case.delete({ caseId: theCase.id, confirmTitle: theCase.title }));
    expect(proof.error).toMatchObject({ code: "FORBIDDEN" });
    expect(proof.refusals).toEqual([]);
    const invalid = await logged(() => caller.note.create({ caseId: theCase.id, body: "", private: false }));
    expect(invalid.error).toMatchObject({ code: "BAD_REQUEST" });
    expect(invalid.refusals).toEqual([]);
  });
});
