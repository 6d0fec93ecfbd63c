"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** A record card's actions as the page shows them at load: their code comes on first use (components/ui/on-first-use.tsx). */
export const RecordActionsOnFirstUse = onFirstUse(() => import("./record-actions").then((m) => m.RecordActions));
