"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** CommentForm as a page shows it at load: its code comes on first use (components/ui/on-first-use.tsx). */
export const CommentFormOnFirstUse = onFirstUse(() => import("./decision-comments").then((m) => m.CommentForm));
