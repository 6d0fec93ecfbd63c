"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** DeleteOpinion as the opinion's page shows it at load: its code comes on first use (components/ui/on-first-use.tsx). */
export const DeleteOpinionOnFirstUse = onFirstUse(() => import("./delete-opinion").then((m) => m.DeleteOpinion));
