/**
 * The visit packet's content for one opinion, shared by the chooser/print page (`packet.get`) and
 * the PDF route. Every candidate item is read through the reader's visibility rules in the same
 * query (private records: author and owner only), so a choice can only narrow what the reader may
 * already see: an id they may not see is simply not among the candidates.
 *
 * Decisions (docs/ARCHITECTURE.md "Visit packet, exports and PDFs"):
 * - questions: the ones tied to this opinion and the general ones (tied to none); pinned ones are
 *   ticked by default. Questions meant for another clinician are not offered.
 * - records: only those received or already shared (one cannot bring what is still needed);
 *   a private record is offered unticked, and goes in only when ticked.
 * - people: the case's current members, plus free text. When the visit says who is coming along
 *   (decision 0037), those are ticked by default — the section has the same name and meaning;
 *   otherwise all are (the person preparing the packet is rarely the only one going).
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { allergies, caseMembers, cases, medications, opinions, pastProcedures, questions, recordFiles, records, users } from "@/db/schema";
import { activeMember, visibleRecords } from "@/server/access";
import { type CaseRole } from "@/lib/member";
import { type Packet, type PacketChoice, ZPacket } from "@/lib/packet";
import { columnsFor } from "@/server/rows/columns";
import { messageRef } from "@/lib/i18n/message-ref";

export interface PacketReader {
  caseId: string;
  userId: string;
  memberId: string;
  role: CaseRole;
}

/** The packet for `opinionId` as `reader` may see it, with `choice` applied; NOT_FOUND for an opinion of another case. */
export async function loadPacket(db: Db, reader: PacketReader, opinionId: string, choice: PacketChoice): Promise<Packet> {
  const { caseId } = reader;
  const [found] = await db
    .select({ ...columnsFor(opinions, ZPacket.shape.opinion), comingAlong: opinions.comingAlong })
    .from(opinions)
    .where(and(eq(opinions.id, opinionId), eq(opinions.caseId, caseId)));
  // Another case's opinion answers like a missing one.
  if (!found) throw new TRPCError({ code: "NOT_FOUND", message: messageRef("packet.errors.opinionNotFound") });
  const { comingAlong: visitComingAlong, ...opinion } = found;

  const [caseRow] = await db
    .select({ patientName: cases.patientName, title: cases.title, understanding: cases.understanding, decision: cases.decision })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!caseRow) throw new TRPCError({ code: "NOT_FOUND", message: messageRef("packet.errors.caseNotFound") });

  const [questionRows, medicationRows, allergyRows, procedureRows, recordRows, memberRows] = await Promise.all([
    db
      .select({ id: questions.id, text: questions.text, pinned: questions.pinned, opinionId: questions.opinionId })
      .from(questions)
      .where(and(eq(questions.caseId, caseId), or(eq(questions.opinionId, opinionId), isNull(questions.opinionId))))
      .orderBy(asc(questions.position), asc(questions.createdAt)),
    db
      .select({
        id: medications.id,
        name: medications.name,
        dose: medications.dose,
        frequency: medications.frequency,
        purpose: medications.purpose,
        prescriber: medications.prescriber,
      })
      .from(medications)
      .where(eq(medications.caseId, caseId))
      .orderBy(asc(medications.position), asc(medications.createdAt)),
    db
      .select({ id: allergies.id, substance: allergies.substance, reaction: allergies.reaction, severity: allergies.severity })
      .from(allergies)
      .where(eq(allergies.caseId, caseId))
      .orderBy(asc(allergies.position), asc(allergies.createdAt)),
    db
      .select({
        id: pastProcedures.id,
        what: pastProcedures.what,
        whenText: pastProcedures.whenText,
        place: pastProcedures.place,
        description: pastProcedures.description,
      })
      .from(pastProcedures)
      .where(eq(pastProcedures.caseId, caseId))
      .orderBy(asc(pastProcedures.position), asc(pastProcedures.createdAt)),
    db
      .select({
        id: records.id,
        title: records.title,
        kind: records.kind,
        source: records.source,
        status: records.status,
        private: records.private,
      })
      .from(records)
      .where(and(visibleRecords({ ...reader, caseId }), inArray(records.status, ["received", "shared"])))
      .orderBy(asc(records.position), asc(records.createdAt)),
    db
      .select({ id: caseMembers.id, userId: caseMembers.userId, name: users.name, role: caseMembers.role })
      .from(caseMembers)
      .innerJoin(users, eq(users.id, caseMembers.userId))
      .where(and(eq(caseMembers.caseId, caseId), activeMember()))
      .orderBy(asc(caseMembers.joinedAt)),
  ]);

  const recordIds = recordRows.map((r) => r.id);
  const files = recordIds.length
    ? await db
        .select({ recordId: recordFiles.recordId, name: recordFiles.name })
        .from(recordFiles)
        .where(and(eq(recordFiles.caseId, caseId), inArray(recordFiles.recordId, recordIds)))
        .orderBy(asc(recordFiles.createdAt))
    : [];

  const chosen = choice.items === null ? null : new Set(choice.items);
  const pick = (id: string, byDefault: boolean) => (chosen ? chosen.has(id) : byDefault);
  // Who the visit says is coming along (user ids), counting only current members.
  const comingAlong = visitComingAlong.filter((userId) => memberRows.some((m) => m.userId === userId));

  return {
    case: caseRow,
    opinion,
    sections: choice.sections,
    comingAlong: choice.comingAlong,
    questions: questionRows.map(({ opinionId: tiedTo, ...q }) => ({ ...q, forThisVisit: tiedTo === opinionId, included: pick(q.id, q.pinned) })),
    medications: medicationRows.map((m) => ({ ...m, included: pick(m.id, true) })),
    allergies: allergyRows.map((a) => ({ ...a, included: pick(a.id, true) })),
    procedures: procedureRows.map((p) => ({ ...p, included: pick(p.id, true) })),
    records: recordRows.map((r) => ({
      ...r,
      fileNames: files.filter((f) => f.recordId === r.id).map((f) => f.name),
      included: pick(r.id, !r.private),
    })),
    people: memberRows.map(({ userId, ...m }) => ({ ...m, isMe: m.id === reader.memberId, included: pick(m.id, comingAlong.length === 0 || comingAlong.includes(userId)) })),
  };
}
