/**
 * The visit packet: its content through `packet.get`, and the PDF route read back as text. Private
 * records stay out unless chosen by someone who may see them; a choice never adds what the reader
 * may not see.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { addMember, createCase, createUser } from "@/server/database/factories";
import { activity, allergies, medications, opinions, questions, records, users } from "@/db/schema";
import type { AppSession } from "@/server/auth";
import { GET as packetRoute } from "@/app/api/cases/[caseId]/opinions/[opinionId]/packet/route";
import { DEFAULT_PACKET_CHOICE, PACKET_SECTIONS, packetChoiceQuery, parsePacketChoice } from "@/lib/packet";
import { and, eq } from "drizzle-orm";
import { messageRef } from "@/lib/i18n/message-ref";
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

  it("ticks who the visit says is coming along, when it says; a choice still wins", async () => {
    const f = await seeded();
    const owner = await callerFor(database.db, f.owner);
    await database.db.update(opinions).set({ comingAlong: [f.supporter.id] }).where(eq(opinions.id, f.visitId));
    const packet = await owner.packet.get({ caseId: f.caseId, opinionId: f.visitId, choice: DEFAULT_PACKET_CHOICE });
    expect(packet.people.map((p) => [p.name, p.included])).toEqual([
      ["Łukasz Żółć", false],
      ["李明", true],
    ]);
    const ownerMember = packet.people.find((p) => p.name === "Łukasz Żółć")!;
    const chosen = await owner.packet.get({ caseId: f.caseId, opinionId: f.visitId, choice: { ...DEFAULT_PACKET_CHOICE, items: [ownerMember.id] } });
    expect(chosen.people.map((p) => [p.name, p.included])).toEqual([
      ["Łukasz Żółć", true],
      ["李明", false],
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
      .select({ action: activity.action, summary: activity.summary })
      .from(activity)
      .where(and(eq(activity.caseId, f.caseId), eq(activity.action, "packet.downloaded")));
    expect(logged).toEqual([{ action: "packet.downloaded", summary: messageRef("packet.activity.downloaded", { label: "Second opinion" }) }]);
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

  it("is written in the language chosen when downloading, whatever the reader's own; what people wrote stays as written", async () => {
    const f = await seeded();
    // The owner reads SecondLook in Spanish; the visit has a date, so its format shows the language too.
    await database.db.update(users).set({ locale: "es" }).where(eq(users.id, f.owner.id));
    await database.db.update(opinions).set({ kind: "original", visitAt: new Date("2026-03-05T15:30:00Z") }).where(eq(opinions.id, f.visitId));
    signIn(f.owner);
    const written = ["Why surgery rather than physiotherapy?", "José Żółć", "Dr Ana Núñez", "Metformin", "twice a day", "MRI report March"];

    const spanishResponse = await download(f.caseId, f.visitId, "lang=es");
    expect(spanishResponse.status).toBe(200);
    expect(spanishResponse.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("Resumen para la cita - Second opinion.pdf")}`);
    // Table cells wrap their words onto new lines: compare with the spacing evened out.
    const flat = (text: string) => text.replace(/\s+/g, " ");
    const spanish = flat(await pdfText(new Uint8Array(await spanishResponse.arrayBuffer())));
    for (const label of [
      "Resumen para la cita: Second opinion",
      "La opinión original",
      "Cita: 5 mar 2026",
      "Preguntas importantes para este médico",
      "Medicamentos",
      "Dosis",
      "Cada cuánto",
      "Alergias y reacciones",
      "Sustancia",
      "Expedientes que llevamos",
      "Resultados: informe de imágenes",
      "Recibido",
      "Quién viene",
      "información para compartir, no consejo médico",
      "Página 1 de 1",
    ]) {
      expect(spanish).toContain(label);
    }
    for (const text of written) expect(spanish).toContain(text);
    for (const english of ["Visit packet", "Priority questions", "Medications", "Dose", "Received", "Page 1 of"]) expect(spanish).not.toContain(english);

    // The same reader takes an English packet to an English-speaking clinic.
    const englishResponse = await download(f.caseId, f.visitId, "lang=en");
    expect(englishResponse.headers.get("content-disposition")).toMatch(/^attachment; filename="Visit packet - Second opinion\.pdf"/);
    const english = flat(await pdfText(new Uint8Array(await englishResponse.arrayBuffer())));
    for (const label of [
      "Visit packet: Second opinion",
      "The original opinion",
      "Visit: Mar 5, 2026",
      "Priority questions for this clinician",
      "Medications",
      "Dose",
      "How often",
      "Allergies and reactions",
      "Records we are bringing",
      "Test results: imaging report",
      "Received",
      "information to share, not medical advice",
      "Page 1 of 1",
    ]) {
      expect(english).toContain(label);
    }
    for (const text of written) expect(english).toContain(text);
    for (const spanishOnly of ["Resumen para la cita", "Medicamentos", "Dosis", "Página"]) expect(english).not.toContain(spanishOnly);

    // Without a choice (or with a language SecondLook does not speak), the reader's own language.
    expect(await pdfText(new Uint8Array(await (await download(f.caseId, f.visitId)).arrayBuffer()))).toContain("Preguntas importantes para este médico");
    expect(await pdfText(new Uint8Array(await (await download(f.caseId, f.visitId, "lang=fr")).arrayBuffer()))).toContain("Dosis");
    signIn(f.supporter);
    expect(await pdfText(new Uint8Array(await (await download(f.caseId, f.visitId)).arrayBuffer()))).toContain("Priority questions for this clinician");
  });

  it("refuses anonymous (401), outsiders (404), another case's opinion (404), malformed ids (404) and cross-site requests (403)", async () => {
    const f = await seeded();
    const g = await seeded();
    signIn(null);
    expect((await download(f.caseId, f.visitId)).status).toBe(401);
    // The refusal is in the browser's language.
    const refused = await download(f.caseId, f.visitId, "", { "accept-language": "es-MX,es;q=0.9" });
    expect(await refused.json()).toEqual({ error: "Por favor, inicie sesión.", requestId: expect.any(String) });
    signIn(f.outsider);
    expect((await download(f.caseId, f.visitId)).status).toBe(404);
    signIn(f.owner);
    expect((await download(f.caseId, g.visitId)).status).toBe(404);
    expect((await download(f.caseId, "not-a-uuid")).status).toBe(404);
    expect((await download(f.caseId, f.visitId, "", { "sec-fetch-site": "cross-site" })).status).toBe(403);
  });
});
