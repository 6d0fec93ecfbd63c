/**
 * The opinion vocabulary the browser loads at once, without zod; `lib/opinion.ts` (the contract) re-exports it.
 * Its words are in the catalogue: `opinions.kind.<kind>`, `opinions.status.<status>`, `opinions.tri.<answer>`.
 */

/** `original` is the first opinion (the referring or diagnosing clinician's); the rest are kinds of second opinion. */
export const OPINION_KINDS = ["original", "same_specialty", "subspecialist", "multidisciplinary", "telehealth"] as const;

export type OpinionKind = (typeof OPINION_KINDS)[number];

/** The kinds of second opinion (where to go for one), without the original. */
export const SECOND_OPINION_KINDS = OPINION_KINDS.filter((kind): kind is Exclude<OpinionKind, "original"> => kind !== "original");

/**
 * @deprecated The words are in the catalogue (`opinions.kind.<kind>.name` / `.explanation`), which every
 * screen and PDF reads. Only lib/talking.ts (CHOOSING_WHERE) still reads this English copy; remove it once
 * that page takes the catalogue's words.
 */
export const OPINION_KIND_LABELS: Record<OpinionKind, { name: string; explanation: string }> = {
  original: {
    name: "The original opinion",
    explanation:
      "The first clinician's view: usually the doctor who made the diagnosis, proposed the plan or referred you. Recording it lets you compare the others with it.",
  },
  same_specialty: {
    name: "Same specialty, different clinician",
    explanation:
      "Another doctor in the same field. Often helpful when the condition is complex or rare, when approaches vary within the specialty, or when you want a detailed comparison of options.",
  },
  subspecialist: {
    name: "Subspecialist or centre of expertise",
    explanation:
      "A clinician or clinic focused on one kind of condition. They see many similar cases and may offer tests or treatments that are less widely available.",
  },
  multidisciplinary: {
    name: "Multidisciplinary team",
    explanation:
      "Several professionals (for example surgeons, physicians and therapists) review the case together. Useful when a plan could combine surgery, medication and rehabilitation.",
  },
  telehealth: {
    name: "Telehealth or remote review",
    explanation:
      "A virtual visit or a review of your records from afar. Saves travel, but not every condition can be judged without an examination or special tests.",
  },
};

export const OPINION_STATUSES = ["considering", "scheduled", "completed"] as const;

export type OpinionStatus = (typeof OPINION_STATUSES)[number];

/** Yes / no / not known yet, for the insurance and logistics questions. */
export const TRI_STATES = ["yes", "no", "unknown"] as const;

export type TriState = (typeof TRI_STATES)[number];
