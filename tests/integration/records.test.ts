import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { SUGGESTED_RECORDS } from "@/lib/record";
import { callerFor } from "../support/callers";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const mri = { title: "MRI report", kind: "imaging_report" as const, source: "City Hospital records", notes: "", private: false };

async function setup() {
  const owner = await createUser(database.db, { name: "Olga Owner" });
  const supporter = await createUser(database.db, { name: "Sid Supporter" });
  const supporter2 = await createUser(database.db, { name: "Sal Second" });
  const viewer = await createUser(database.db, { name: "Vi Viewer" });
  const { id: caseId } = await createCase(database.db, owner.id);
  await addMember(database.db, caseId, supporter.id, "supporter");
  await addMember(database.db, caseId, supporter2.id, "supporter");
  await addMember(database.db, caseId, viewer.id, "viewer");
  return {
    caseId,
    owner: await callerFor(database.db, owner),
    supporter: await callerFor(database.db, supporter),
    supporter2: await callerFor(database.db, supporter2),
    viewer: await callerFor(database.db, viewer),
  };
}

describe("records", () => {
  it("start from the suggested set once, and move along their statuses with a date for each", async () => {
    const { caseId, supporter, viewer } = await setup();
    expect(await supporter.record.addSuggested({ caseId })).toEqual({ added: SUGGESTED_RECORDS.length });
    expect(await supporter.record.addSuggested({ caseId })).toEqual({ added: 0 });
    const listed = await viewer.record.list({ caseId });
    expect(listed).toHaveLength(SUGGESTED_RECORDS.length);
    expect(listed.every((r) => r.status === "needed")).toBe(true);

    const first = listed[0]!;
    const received = await supporter.record.setStatus({ caseId, id: first.id, status: "received" });
    expect(received.status).toBe("received");
    expect(received.receivedAt).toBeInstanceOf(Date);
    // Moving back clears the dates of the steps it no longer has.
    const back = await supporter.record.setStatus({ caseId, id: first.id, status: "requested" });
    expect(back).toMatchObject({ status: "requested", receivedAt: null, sharedAt: null });
    expect(back.requestedAt).toBeInstanceOf(Date);
    await expect(supporter.record.setStatus({ caseId, id: first.id, status: "lost" as "received" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(viewer.record.setStatus({ caseId, id: first.id, status: "shared" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("requested by letter become 'requested' today, only those still needed", async () => {
    const { caseId, owner } = await setup();
    const a = await owner.record.create({ caseId, ...mri });
    const b = await owner.record.create({ caseId, ...mri, title: "Blood tests", kind: "blood_work" });
    await owner.record.setStatus({ caseId, id: b.id, status: "received" });
    expect(await owner.record.markRequested({ caseId, ids: [a.id, b.id] })).toEqual({ updated: 1 });
    const byId = Object.fromEntries((await owner.record.list({ caseId })).map((r) => [r.id, r]));
    expect(byId[a.id]).toMatchObject({ status: "requested" });
    expect(byId[a.id]?.requestedAt?.toDateString()).toBe(new Date().toDateString());
    expect(byId[b.id]).toMatchObject({ status: "received" });
  });

  it("marked private are seen only by their author and the owner, in lists and by id", async () => {
    const { caseId, owner, supporter, supporter2, viewer } = await setup();
    const secret = await supporter.record.create({ caseId, ...mri, title: "Psychiatric history", private: true });
    await owner.record.create({ caseId, ...mri });

    expect((await supporter.record.list({ caseId })).map((r) => r.title)).toContain("Psychiatric history");
    expect((await owner.record.list({ caseId })).map((r) => r.title)).toContain("Psychiatric history");
    expect((await supporter2.record.list({ caseId })).map((r) => r.title)).toEqual(["MRI report"]);
    expect((await viewer.record.list({ caseId })).map((r) => r.title)).toEqual(["MRI report"]);

    await expect(supporter2.record.setStatus({ caseId, id: secret.id, status: "received" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(supporter2.record.update({ caseId, id: secret.id, version: 1, ...mri })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(supporter2.record.delete({ caseId, id: secret.id, version: secret.version })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(supporter2.record.markRequested({ caseId, ids: [secret.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Nor does its existence show in the activity feed.
    expect((await supporter2.activity.list({ caseId })).some((a) => a.entityId === secret.id)).toBe(false);
    expect((await owner.activity.list({ caseId })).some((a) => a.entityId === secret.id)).toBe(true);
  });

  it("only the author or the owner can change whether a record is private", async () => {
    const { caseId, owner, supporter2 } = await setup();
    const r = await owner.record.create({ caseId, ...mri });
    await expect(supporter2.record.update({ caseId, id: r.id, version: 1, ...mri, private: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "private" },
    });
    const edited = await supporter2.record.update({ caseId, id: r.id, version: 1, ...mri, notes: "Ask for the CD too" });
    expect(edited).toMatchObject({ notes: "Ask for the CD too", version: 2 });
    await expect(owner.record.update({ caseId, id: r.id, version: 1, ...mri, notes: "Stale" })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { current: { notes: "Ask for the CD too" } },
    });
  });

  it("refuse an unknown kind, empty title or oversized notes, and write nothing", async () => {
    const { caseId, owner } = await setup();
    await expect(owner.record.create({ caseId, ...mri, kind: "xray" as "other" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(owner.record.create({ caseId, ...mri, title: " " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(owner.record.create({ caseId, ...mri, notes: "x".repeat(2001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await owner.record.list({ caseId })).toEqual([]);
  });
});
