"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** InvitationList as the sharing page shows it at load: its code comes on first use (components/ui/on-first-use.tsx). */
export const InvitationListOnFirstUse = onFirstUse(() => import("./invitation-list").then((m) => m.InvitationList));
