/**
 * The plainest valid fields of the entities many tests create (spread them and override what the test
 * is about), so a new required field is added in one place.
 */
import type { TReflectionFields } from "@/lib/reflection";

/** An opinion being considered, nothing filled in but its label. */
export const OPINION_FIELDS = {
  label: "Second opinion",
  clinician: "",
  specialty: "",
  institution: "",
  kind: "telehealth",
  visitAt: null,
  status: "considering",
  inNetwork: "unknown",
  referralNeeded: "unknown",
  preApprovalNeeded: "unknown",
  expectedCosts: "",
} as const;

/** A reflection with nothing answered. */
export const BLANK_REFLECTION: TReflectionFields = {
  values: [],
  valuesOther: "",
  riskComfort: null,
  practical: "",
  communication: "",
  communicationOpinionId: null,
  feelSure: null,
  knowBenefitsRisks: null,
  clearOnPriorities: null,
  enoughSupport: null,
  canSayWhat: null,
  canSayWhy: null,
  canSayAlternatives: null,
};
