"use client";
/** Whose drafts the forms below keep (components/forms/use-draft.ts): the signed-in person, or nobody. */
import { createContext, useContext, useEffect, type ReactNode } from "react";
import { purgeOldDrafts } from "./drafts";

const DraftOwner = createContext<string | null>(null);

export function DraftScope({ userId, children }: { userId: string | null; children: ReactNode }) {
  useEffect(() => purgeOldDrafts(), []);
  return <DraftOwner value={userId}>{children}</DraftOwner>;
}

export function useDraftOwner(): string | null {
  return useContext(DraftOwner);
}
