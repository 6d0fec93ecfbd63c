/**
 * One rule for removing a file, alone or with its record (issue 15 §4.8): only the person who
 * added it, or the case owner. A supporter who may not remove the owner's file through `file.delete`
 * may not remove it by deleting the shared record that holds it either.
 */
import { messageRef } from "@/lib/i18n/message-ref";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileBlobs, recordFiles, records, users } from "@/db/schema";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { uploadRecordFile } from "@/server/files/record-files";
import { callerFor } from "../support/callers";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const TEXT = Buffer.from("Hb 13.2 g/dL\n");
async function* oneChunk(): AsyncGenerator<Uint8Array> {
  yield TEXT;
}

async function fixture() {
  const db = database.db;
  const [owner, supporter, helper] = await Promise.all(["Olive Owner", "Sam Supporter", "Hal Helper"].map((name) => createUser(db, { name })));
  const { id: caseId } = await createCase(db, owner!.id, { title: "Knee surgery" });
  await addMember(db, caseId, supporter!.id, "supporter");
  await addMember(db, caseId, helper!.id, "supporter");
  const [record] = await db.insert(records).values({ caseId, title: "MRI report", kind: "imaging_report", authorId: owner!.id }).returning({ id: records.id });
  const upload = (userId: string) =>
    uploadRecordFile({ db, userId, caseId, recordId: record!.id, fileName: "results.txt", body: oneChunk() });
  return { caseId, recordId: record!.id, owner: owner!, supporter: supporter!, helper: helper!, upload };
}

async function stored(caseId: string, recordId: string) {
  const [record] = await database.db.select({ n: count() }).from(records).where(eq(records.id, recordId));
  const [files] = await database.db.select({ n: count() }).from(recordFiles).where(eq(recordFiles.caseId, caseId));
  const [blobs] = await database.db.select({ n: count() }).from(fileBlobs).where(eq(fileBlobs.caseId, caseId));
  return { record: record!.n, files: files!.n, blobs: blobs!.n };
}

describe("deleting a record that holds files", () => {
  it("a supporter cannot delete the owner's file by deleting the record that holds it; nothing is removed", async () => {
    const f = await fixture();
    const file = await f.upload(f.owner.id);
    const supporter = await callerFor(database.db, f.supporter);
    // The two ways in answer alike.
    await expect(supporter.file.delete({ caseId: f.caseId, fileId: file.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(supporter.record.delete({ caseId: f.caseId, id: f.recordId, version: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: messageRef("records.errors.recordHoldsOthersFile"),
    });
    expect(await stored(f.caseId, f.recordId)).toEqual({ record: 1, files: 1, blobs: 1 });
  });

  it("a record holding only one's own files can be deleted by them, bytes and all", async () => {
    const f = await fixture();
    await f.upload(f.supporter.id);
    await f.upload(f.supporter.id);
    const supporter = await callerFor(database.db, f.supporter);
    await expect(supporter.record.delete({ caseId: f.caseId, id: f.recordId, version: 1 })).resolves.toEqual({ deleted: true });
    expect(await stored(f.caseId, f.recordId)).toEqual({ record: 0, files: 0, blobs: 0 });
  });

  it("one file of someone else among one's own is enough to refuse", async () => {
    const f = await fixture();
    await f.upload(f.supporter.id);
    await f.upload(f.helper.id);
    const supporter = await callerFor(database.db, f.supporter);
    await expect(supporter.record.delete({ caseId: f.caseId, id: f.recordId, version: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await stored(f.caseId, f.recordId)).toEqual({ record: 1, files: 2, blobs: 2 });
  });

  it("the owner may delete a record holding anyone's files", async () => {
    const f = await fixture();
    await f.upload(f.supporter.id);
    await f.upload(f.helper.id);
    const owner = await callerFor(database.db, f.owner);
    await expect(owner.record.delete({ caseId: f.caseId, id: f.recordId, version: 1 })).resolves.toEqual({ deleted: true });
    expect(await stored(f.caseId, f.recordId)).toEqual({ record: 0, files: 0, blobs: 0 });
  });

  it("a file whose uploader deleted their account is the owner's to remove, alone or with its record", async () => {
    const f = await fixture();
    const file = await f.upload(f.helper.id);
    await database.db.update(recordFiles).set({ uploadedBy: null }).where(eq(recordFiles.id, file.id));
    await database.db.delete(users).where(eq(users.id, f.helper.id));
    const supporter = await callerFor(database.db, f.supporter);
    await expect(supporter.file.delete({ caseId: f.caseId, fileId: file.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(supporter.record.delete({ caseId: f.caseId, id: f.recordId, version: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await stored(f.caseId, f.recordId)).toEqual({ record: 1, files: 1, blobs: 1 });
  });
});
