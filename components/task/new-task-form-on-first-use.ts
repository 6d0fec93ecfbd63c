"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** NewTaskForm as a page shows it at load: its code comes on first use (components/ui/on-first-use.tsx). */
export const NewTaskFormOnFirstUse = onFirstUse(() => import("./new-task-form").then((m) => m.NewTaskForm));
