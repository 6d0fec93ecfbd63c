/** The shapes the decide page passes from server to client components, as the procedures declare them. */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import { type CheckKey, READINESS_CHECKS, UNDERSTANDING_CHECKS } from "@/lib/reflection";

type Outputs = inferRouterOutputs<AppRouter>;

export type ReflectionView = Outputs["reflection"]["list"][number];
export type DecisionView = Outputs["decision"]["history"][number];

/** An opinion as the reflection refers to it (communication fit). */
export type OpinionChoice = { id: string; label: string; clinician: string };

export const ALL_CHECKS: readonly { key: CheckKey; text: string; nextStep: "questions" | "values" | "support" }[] = [
  ...READINESS_CHECKS,
  ...UNDERSTANDING_CHECKS,
];

export const CHECK_KEYS = ALL_CHECKS.map((c) => c.key);

export function opinionChoiceName(opinion: OpinionChoice): string {
  return opinion.clinician ? `${opinion.label} (${opinion.clinician})` : opinion.label;
}
