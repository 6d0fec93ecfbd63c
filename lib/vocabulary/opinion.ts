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
      "The first clinician's view. This is usually the doctor who made the diagnosis, suggested the plan or referred you. Writing it down lets you compare the others with it.",
  },
  same_specialty: {
    name: "Same specialty, different clinician",
    explanation:
      "Another doctor in the same field. This often helps when the condition is complex or rare. It also helps when doctors in that field treat it in different ways, or when you want to compare options in detail.",
  },
  subspecialist: {
    name: "Subspecialist or centre of expertise",
    explanation:
      "A clinician or clinic that focuses on one kind of condition. They see many cases like yours. They may offer tests or treatments that not every place has.",
  },
  multidisciplinary: {
    name: "Multidisciplinary team",
    explanation:
      "A team of experts looks at the case together. For example, a surgeon, a doctor and a therapist. This helps when a plan could mix surgery, medicine and rehabilitation.",
  },
  telehealth: {
    name: "Telehealth or remote review",
    explanation:
      "An online visit, or a review of your records from a distance. It saves travel. But some conditions cannot be judged without an exam in person or special tests.",
  },
};

export const OPINION_STATUSES = ["considering", "scheduled", "completed"] as const;

export type OpinionStatus = (typeof OPINION_STATUSES)[number];

/** Yes / no / not known yet, for the insurance and logistics questions. */
export const TRI_STATES = ["yes", "no", "unknown"] as const;

export type TriState = (typeof TRI_STATES)[number];
