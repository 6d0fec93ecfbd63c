"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** CaseSettings as a page shows it at load: its code comes on first use (components/ui/on-first-use.tsx). */
export const CaseSettingsOnFirstUse = onFirstUse(() => import("./case-settings").then((m) => m.CaseSettings));
