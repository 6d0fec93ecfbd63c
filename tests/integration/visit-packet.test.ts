/**
 * The visit packet: its content through `packet.get`, and the PDF route read back as text. Private
 * records stay out unless chosen by someone who may see them; a choice never adds what the reader
 * may not see.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { activity, allergies, medications, opinions, questions, records } from "@/db/schema";
import type { AppSession } from "@/server/auth";
import { GET as packetRoute } from "@/app/api/cases/[caseId]/opinions/[opinionId]/packet/route";
import { DEFAULT_PACKET_CHOICE, PACKET_SECTIONS, packetChoiceQuery, parsePacketChoice } from "@/lib/packet";
import { and, eq } from "drizzle-orm";
import { callerFor } from "../support/callers";
import { pdfText } from "../support/pdf-text";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const routeEnv = vi.hoisted(() => ({ session: null as AppSession | null, db: null as Db | null }));
vi.mock("@/server/auth", () => ({ getSession: async () => routeEnv.session }));
vi.mock("@/server/database/connection", () => ({ getDb: async () => routeEnv.db! }));

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  routeEnv.db = database.db;
});
afterAll(() => database?.cleanup());

async function seeded() {
  const db = database.db;
  const owner = await createUser(db, { name: "Łukasz Żółć" });
  const supporter = await createUser(db, { name: "李明" });
  const outsider = await createUser(db, { name: "Otto Outsider" });
  const created = await createCase(db, owner.id, { patientName: "José Żółć", understanding: "A torn meniscus.", decision: "Surgery or physiotherapy" });
  const caseId = created.id;
  await addMember(db, caseId, supporter.id, "supporter");
  const [visit, other] = await db
    .insert(opinions)
    .values([
      { caseId, label: "Second opinion", clinician: "Dr Ana Núñez", institution: "Clínica Norte" },
      { caseId, label: "Third opinion" },
    ])
    .returning({ id: opinions.id });
  await db.insert(questions).values([
    { caseId, text: "Why surgery rather than physiotherapy?", pinned: true, opinionId: visit!.id, position: 0 },
    { caseId, text: "What happens if we wait six months?", pinned: true, position: 1 },
    { caseId, text: "Where do I park?", pinned: false, position: 2 },
    { caseId, text: "A question for the third clinician", pinned: true, opinionId: other!.id, position: 3 },
  ]);
  await db.insert(medications).values({ caseId, name: "Metformin", dose: "500 mg", frequency: "twice a day" });
  await db.insert(allergies).values({ caseId, substance: "Penicillin", reaction: "Hives", severity: "moderate" });
  const [shared, secret, needed] = await db
    .insert(records)
    .values([
      { caseId, title: "MRI report March", kind: "imaging_report", status: "received", authorId: owner.id },
      { caseId, title: "Psychiatry letter", kind: "clinic_notes", status: "received", private: true, authorId: owner.id },
      { caseId, title: "Blood tests pending", kind: "blood_work", status: "needed", authorId: owner.id },
    ])
    .returning({ id: records.id });
  return { caseId, owner, supporter, outsider, visitId: visit!.id, sharedId: shared!.id, secretId: secret!.id, neededId: needed!.id };
}

const signIn = (user: { id: string; name: string; email: string } | null) => {
  routeEnv.session = user ? { user: { id: user.id, name: user.name, email: user.email }, sessionId: "test" } : null;
};
const download = (caseId: string, opinionId: string, query = "", headers: Record<string, string> = {}) =>
  packetRoute(new Request(`http://localhost/api/cases/${caseId}/opinions/${opinionId}/packet${query ? `?${query}` : ""}`, { headers }), {
    params: Promise.resolve({ caseId, opinionId }),
  });

describe("visit packet", () => {
  it("offers this visit's and general questions (pinned ticked), received records (private unticked), and never another visit's questions", async () => {
    const f = await seeded();
    const owner = await callerFor(database.db, f.owner);
    const packet = await owner.packet.get({ caseId: f.caseId, opinionId: f.visitId, choice: DEFAULT_PACKET_CHOICE });
    expect(packet.questions.map((q) => [q.text, q.included])).toEqual([
      ["Why surgery rather than physiotherapy?", true],
      ["What happens if we wait six months?", true],
      ["Where do I park?", false],
    ]);
    expect(packet.records.map((r) => [r.title, r.included])).toEqual([
      ["MRI report March", true],
      ["Psychiatry letter", false],
    ]);
    // Everyone in the case is ticked to start with, not only the person preparing it.
    expect(packet.people.map((p) => [p.name, p.included])).toEqual([
      ["Łukasz Żółć", true],
      ["李明", true],
    ]);
  });

  it("makes a PDF with the priority questions, doses and allergies, Unicode intact, the private record left out", async () => {
    const f = await seeded();
    signIn(f.owner);
    const response = await download(f.caseId, f.visitId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="Visit packet - Second opinion\.pdf"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(bytes);
    for (const expected of [
      "Visit packet: Second opinion",
      "Dr Ana Núñez",
      "Clínica Norte",
      "José Żółć",
      "Łukasz Żółć",
      "Why surgery rather than physiotherapy?",
      "What happens if we wait six months?",
      "Metformin",
      "500 mg",
      "twice a day",
      "Penicillin",
      "Hives",
      "MRI report March",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Psychiatry letter");
    expect(text).not.toContain("Blood tests pending");
    expect(text).not.toContain("Where do I park?");
    expect(text).not.toContain("third clinician");
    // Logged, quietly.
    const logged = await database.db
      .select({ action: activity.action })
      .from(activity)
      .where(and(eq(activity.caseId, f.caseId), eq(activity.action, "packet.downloaded")));
    expect(logged).toHaveLength(1);
  });

  it("names the original clinician's opinion as such in the PDF", async () => {
    const f = await seeded();
    await database.db.update(opinions).set({ kind: "original" }).where(eq(opinions.id, f.visitId));
    signIn(f.owner);
    const text = await pdfText(new Uint8Array(await (await download(f.caseId, f.visitId)).arrayBuffer()));
    expect(text).toContain("The original opinion");
  });

  it("includes the private record when the owner ticks it; the supporter, who may not see it, never gets it", async () => {
    const f = await seeded();
    const query = packetChoiceQuery({ sections: [...PACKET_SECTIONS], items: [f.sharedId, f.secretId, f.neededId], comingAlong: "My neighbour 李明 drives" });
    signIn(f.owner);
    const ownerText = await pdfText(new Uint8Array(await (await download(f.caseId, f.visitId, query)).arrayBuffer()));
    expect(ownerText).toContain("Psychiatry letter");
    expect(ownerText).toContain("MRI report March");
    expect(ownerText).toContain("My neighbour 李明 drives");
    expect(ownerText).not.toContain("Blood tests pending"); // still needed: not something to bring
    expect(ownerText).not.toContain("Metformin"); // not ticked

    signIn(f.supporter);
    const supporterText = await pdfText(new Uint8Array(await (await download(f.caseId, f.visitId, query)).arrayBuffer()));
    expect(supporterText).toContain("MRI report March");
    expect(supporterText).not.toContain("Psychiatry letter");
    const supporter = await callerFor(database.db, f.supporter);
    const packet = await supporter.packet.get({ caseId: f.caseId, opinionId: f.visitId, choice: parsePacketChoice(new URLSearchParams(query)) });
    expect(packet.records.map((r) => r.id)).toEqual([f.sharedId]);
  });

  it("leaves out unticked sections", async () => {
    const f = await seeded();
    signIn(f.owner);
    const query = packetChoiceQuery({ sections: ["questions"], items: [], comingAlong: "" });
    const text = await pdfText(new Uint8Array(await (await download(f.caseId, f.visitId, query)).arrayBuffer()));
    expect(text).toContain("Priority questions for this clinician");
    expect(text).toContain("No questions chosen.");
    expect(text).not.toContain("José Żółć");
    expect(text).not.toContain("Medications");
  });

  it("refuses anonymous (401), outsiders (404), another case's opinion (404), malformed ids (404) and cross-site requests (403)", async () => {
    const f = await seeded();
    const g = await seeded();
    signIn(null);
    expect((await download(f.caseId, f.visitId)).status).toBe(401);
    signIn(f.outsider);
    expect((await download(f.caseId, f.visitId)).status).toBe(404);
    signIn(f.owner);
    expect((await download(f.caseId, g.visitId)).status).toBe(404);
    expect((await download(f.caseId, "not-a-uuid")).status).toBe(404);
    expect((await download(f.caseId, f.visitId, "", { "sec-fetch-site": "cross-site" })).status).toBe(403);
  });
});
