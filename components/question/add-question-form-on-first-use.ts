"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** AddQuestionForm as a page shows it at load: its code comes on first use (components/ui/on-first-use.tsx). */
export const AddQuestionFormOnFirstUse = onFirstUse(() => import("./add-question-form").then((m) => m.AddQuestionForm));
