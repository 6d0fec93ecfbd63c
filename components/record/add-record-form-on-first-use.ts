"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** AddRecordForm as a page shows it at load: its code comes on first use (components/ui/on-first-use.tsx). */
export const AddRecordFormOnFirstUse = onFirstUse(() => import("./add-record-form").then((m) => m.AddRecordForm));
