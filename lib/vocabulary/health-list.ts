/** The health list vocabulary the browser loads at once, without zod; `lib/health-list.ts` (the contract) re-exports it. */

export const ALLERGY_SEVERITIES = ["mild", "moderate", "severe", "unknown"] as const;

export type AllergySeverity = (typeof ALLERGY_SEVERITIES)[number];
