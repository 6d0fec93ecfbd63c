/** The packet vocabulary the browser loads at once, without zod; `lib/packet.ts` (the contract) re-exports it. */
import type { Packet } from "../packet";

/**
 * The visit packet's vocabulary: its sections and what the person chose to put in. The chooser page
 * is a GET form, so the choice travels in the query string; the print page and the PDF route read it
 * with the same `parsePacketChoice`, so both show exactly the same packet.
 *
 * The choice only ever narrows: the server builds the packet from the items the reader may see
 * (server/packet), so naming an id one may not see adds nothing.
 */

export const PACKET_SECTIONS = [
  "patient",
  "understanding",
  "decision",
  "questions",
  "medications",
  "allergies",
  "procedures",
  "records",
  "people",
] as const;

/** Each section's heading is in the catalogue: `packet.section.<section>`. */
export type PacketSection = (typeof PACKET_SECTIONS)[number];

/** Sections whose items can be chosen one by one. */
export const ITEM_SECTIONS = ["questions", "medications", "allergies", "procedures", "records", "people"] as const;

export type ItemSection = (typeof ITEM_SECTIONS)[number];

export const COMING_ALONG_MAX = 300;

export interface PacketChoice {
  sections: PacketSection[];
  /** The chosen items (question, medication, … record and member ids); null = the defaults. */
  items: string[] | null;
  /** Free text: who else is coming (e.g. "my daughter Ana"). */
  comingAlong: string;
}

export const DEFAULT_PACKET_CHOICE: PacketChoice = { sections: [...PACKET_SECTIONS], items: null, comingAlong: "" };

/** "a · b · c" without the empty parts (one line of the packet, on the page and in the PDF). */
export const joinParts = (...parts: (string | null | undefined)[]) => parts.filter((p) => p?.trim()).join(" · ");

/** The query string for a choice (the chooser's links and the PDF link). */
export function packetChoiceQuery(choice: PacketChoice): string {
  const params = new URLSearchParams();
  if (choice.items !== null) {
    params.append("chosen", "1");
    for (const s of choice.sections) params.append("section", s);
    for (const id of choice.items) params.append("item", id);
  }
  if (choice.comingAlong) params.append("coming", choice.comingAlong);
  return params.toString();
}

/** Only what goes on paper: chosen sections, chosen items. */
export function packetContents(packet: Packet) {
  const on = (section: PacketSection) => packet.sections.includes(section);
  const chosen = <T extends { included: boolean }>(section: PacketSection, items: T[]) => (on(section) ? items.filter((i) => i.included) : []);
  return {
    patientName: on("patient") ? packet.case.patientName : null,
    understanding: on("understanding") ? packet.case.understanding : null,
    decision: on("decision") ? packet.case.decision : null,
    questions: chosen("questions", packet.questions),
    medications: chosen("medications", packet.medications),
    allergies: chosen("allergies", packet.allergies),
    procedures: chosen("procedures", packet.procedures),
    records: chosen("records", packet.records),
    people: chosen("people", packet.people),
    comingAlong: on("people") ? packet.comingAlong.trim() : "",
    on,
  };
}

export type PacketContents = ReturnType<typeof packetContents>;

/** The choice a packet shows: its sections, every ticked item, who else is coming (for the PDF link). */
export function packetChoiceOf(packet: Packet): PacketChoice {
  const items = ITEM_SECTIONS.flatMap((section) => packet[section].filter((item) => item.included).map((item) => item.id));
  return { sections: packet.sections, items, comingAlong: packet.comingAlong.trim().slice(0, COMING_ALONG_MAX) };
}

/** What the reader has changed on screen since the packet was loaded. */
export interface PacketEdits {
  sections: PacketSection[];
  /** Boxes ticked or unticked by hand, by item id; an item not here keeps the packet's own choice. */
  ticked: Record<string, boolean>;
  comingAlong: string;
}

/** The packet as the screen shows it: the loaded packet with the reader's edits applied. */
export function applyPacketEdits(packet: Packet, edits: PacketEdits): Packet {
  const tick = <T extends { id: string; included: boolean }>(items: T[]) => items.map((item) => ({ ...item, included: edits.ticked[item.id] ?? item.included }));
  return {
    ...packet,
    sections: PACKET_SECTIONS.filter((s) => edits.sections.includes(s)),
    comingAlong: edits.comingAlong,
    questions: tick(packet.questions),
    medications: tick(packet.medications),
    allergies: tick(packet.allergies),
    procedures: tick(packet.procedures),
    records: tick(packet.records),
    people: tick(packet.people),
  };
}
