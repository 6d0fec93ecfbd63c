/**
 * The opinion vocabulary the browser loads at once, without zod; `lib/opinion.ts` (the contract) re-exports it.
 * Its words are in the catalogue: `opinions.kind.<kind>`, `opinions.status.<status>`, `opinions.tri.<answer>`.
 */

/** `original` is the first opinion (the referring or diagnosing clinician's); the rest are kinds of second opinion. */
export const OPINION_KINDS = ["original", "same_specialty", "subspecialist", "multidisciplinary", "telehealth"] as const;

export type OpinionKind = (typeof OPINION_KINDS)[number];

/** The kinds of second opinion (where to go for one), without the original. */
export const SECOND_OPINION_KINDS = OPINION_KINDS.filter((kind): kind is Exclude<OpinionKind, "original"> => kind !== "original");

export const OPINION_STATUSES = ["considering", "scheduled", "completed"] as const;

export type OpinionStatus = (typeof OPINION_STATUSES)[number];

/** Yes / no / not known yet, for the insurance and logistics questions. */
export const TRI_STATES = ["yes", "no", "unknown"] as const;

export type TriState = (typeof TRI_STATES)[number];
