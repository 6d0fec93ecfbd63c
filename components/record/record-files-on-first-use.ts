"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** RecordFiles as the records page shows it at load: its code comes on first use (components/ui/on-first-use.tsx). */
export const RecordFilesOnFirstUse = onFirstUse(() => import("./record-files").then((m) => m.RecordFiles));
