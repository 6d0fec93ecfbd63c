"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** StartSuggested as the records page shows it at load: its code comes on first use (components/ui/on-first-use.tsx). */
export const StartSuggestedOnFirstUse = onFirstUse(() => import("./start-suggested").then((m) => m.StartSuggested));
