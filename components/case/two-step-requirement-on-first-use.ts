"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** TwoStepRequirement as a page shows it at load: its code comes on first use (components/ui/on-first-use.tsx). */
export const TwoStepRequirementOnFirstUse = onFirstUse(() => import("./two-step-requirement").then((m) => m.TwoStepRequirement));
