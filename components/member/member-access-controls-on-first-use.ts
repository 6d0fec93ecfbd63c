"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** MemberAccessControls as a page shows it at load: its code comes on first use (components/ui/on-first-use.tsx). */
export const MemberAccessControlsOnFirstUse = onFirstUse(() => import("./member-access-controls").then((m) => m.MemberAccessControls));
