"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** NewNoteForm as a page shows it at load: its code comes on first use (components/ui/on-first-use.tsx). */
export const NewNoteFormOnFirstUse = onFirstUse(() => import("./new-note-form").then((m) => m.NewNoteForm));
