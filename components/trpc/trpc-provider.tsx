"use client";
/**
 * The tRPC client for client components; use `useTRPCClient()` inside the provider. Pages read on the
 * server and refresh after a change, so the browser keeps no query cache: a component that needs a
 * live value (presence, unread counts, the digest setting) reads it with the client
 * (docs/ARCHITECTURE.md, "One data-flow model"). No React Query: a phone loads ~30 KiB less.
 */
import { createTRPCClient, httpBatchStreamLink, httpLink, httpSubscriptionLink, splitLink, type TRPCClient } from "@trpc/client";
import { createContext, useContext, useState, type ReactNode } from "react";
import { ConfirmIdentityDialog } from "@/components/account/confirm-identity-dialog";
import type { AppRouter } from "@/server/routers/_app";
import { ProofRequests, proofLink } from "./proof-link";
import { wireFormat } from "@/lib/wire-format";
import { MAX_BATCH_CALLS, SESSION_ROTATING_PROCEDURES } from "@/lib/vocabulary/requests";

const TRPCClientContext = createContext<TRPCClient<AppRouter> | null>(null);

export function TRPCProvider({ children }: { children: ReactNode }) {
  // "Confirm it's you": a call refused for an old proof opens the dialog, then is sent again (proof-link.ts).
  const [asking, setAsking] = useState(false);
  const [proofRequests] = useState(() => new ProofRequests(setAsking));
  const [client] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        proofLink(proofRequests.ask),
        // Subscriptions (the live case stream) over server-sent events; a proof alone and unstreamed, as
        // its answer brings the rotated session's cookie; everything else batched.
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: "/api/trpc", transformer: wireFormat }),
          false: splitLink({
            condition: (op) => SESSION_ROTATING_PROCEDURES.includes(op.path),
            true: httpLink({ url: "/api/trpc", transformer: wireFormat }),
            false: httpBatchStreamLink({ url: "/api/trpc", transformer: wireFormat, maxItems: MAX_BATCH_CALLS }),
          }),
        }),
      ],
    }),
  );
  return (
    <TRPCClientContext value={client}>
      {children}
      <ConfirmIdentityDialog open={asking} onDone={(confirmed) => proofRequests.answer(confirmed)} />
    </TRPCClientContext>
  );
}

export function useTRPCClient(): TRPCClient<AppRouter> {
  const client = useContext(TRPCClientContext);
  if (!client) throw new Error("useTRPCClient needs <TRPCProvider> above it.");
  return client;
}
