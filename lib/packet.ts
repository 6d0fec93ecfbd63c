import { z } from "zod";
import { ZAllergyView, ZMedicationView, ZPastProcedureView } from "./health-list";
import { ZQuestionView } from "./question";
import { ZMemberView } from "./member";
import { ZOpinionView } from "./opinion";
import { ZRecordView } from "./record";
import { withoutControlCharacters } from "./plain-text";
import { PACKET_SECTIONS, COMING_ALONG_MAX, PacketChoice, DEFAULT_PACKET_CHOICE } from "./vocabulary/packet";
export * from "./vocabulary/packet";

/** The same choice as a procedure input (`packet.get`). */
export const ZPacketChoice = z.object({
  sections: z.array(z.enum(PACKET_SECTIONS)),
  items: z.array(z.uuid()).max(1000).nullable(),
  comingAlong: z.string().overwrite(withoutControlCharacters).trim().max(COMING_ALONG_MAX),
});

type SearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

function all(params: SearchParams, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * Reads the chooser form: `chosen=1` marks a submitted form (without it the defaults apply), then
 * `section=…` and `item=<id>` once per ticked box, and `coming=…`. Unknown sections and malformed ids
 * are dropped rather than refused: a hand-edited link still gives a packet.
 */
export function parsePacketChoice(params: SearchParams): PacketChoice {
  const comingAlong = withoutControlCharacters(all(params, "coming")[0] ?? "").trim().slice(0, COMING_ALONG_MAX);
  if (all(params, "chosen")[0] !== "1") return { ...DEFAULT_PACKET_CHOICE, comingAlong };
  const ticked = all(params, "section");
  const sections = PACKET_SECTIONS.filter((s) => ticked.includes(s));
  const items = all(params, "item").filter((v) => z.uuid().safeParse(v).success);
  return { sections, items, comingAlong };
}

// ── The packet itself ──────────────────────────────────────────────────────────────────────────

/** Whether an offered item goes on paper. */
const included = { included: z.boolean() };

export const ZPacket = z.object({
  case: z.object({ patientName: z.string(), title: z.string(), understanding: z.string(), decision: z.string() }),
  opinion: ZOpinionView.pick({ id: true, label: true, clinician: true, specialty: true, institution: true, kind: true, visitAt: true, visitTimeZone: true, visitPlace: true, status: true }),
  sections: z.array(z.enum(PACKET_SECTIONS)),
  comingAlong: z.string(),
  /** Every item the reader may put in, each with whether it is in. */
  questions: z.array(ZQuestionView.pick({ id: true, text: true, pinned: true }).extend({ forThisVisit: z.boolean() }).extend(included)),
  medications: z.array(
    ZMedicationView.pick({ id: true, name: true, dose: true, frequency: true, purpose: true, prescriber: true }).extend(included),
  ),
  allergies: z.array(ZAllergyView.pick({ id: true, substance: true, reaction: true, severity: true }).extend(included)),
  procedures: z.array(ZPastProcedureView.pick({ id: true, what: true, whenText: true, place: true, description: true }).extend(included)),
  records: z.array(
    ZRecordView.pick({ id: true, title: true, kind: true, source: true, status: true, private: true })
      .extend({ fileNames: z.array(z.string()) })
      .extend(included),
  ),
  people: z.array(ZMemberView.pick({ id: true, name: true, role: true, isMe: true }).extend(included)),
});

export type Packet = z.infer<typeof ZPacket>;
