"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** InviteForm as a page shows it at load: its code comes on first use (components/ui/on-first-use.tsx). */
export const InviteFormOnFirstUse = onFirstUse(() => import("./invite-form").then((m) => m.InviteForm));
