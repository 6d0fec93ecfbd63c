"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** ReflectionForm as a page shows it at load: its code comes on first use (components/ui/on-first-use.tsx). */
export const ReflectionFormOnFirstUse = onFirstUse(() => import("./reflection-form").then((m) => m.ReflectionForm));
