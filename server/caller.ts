/**
 * tRPC for server components: `trpc` builds query options to prefetch, `api` calls procedures
 * directly, `HydrateClient` hands prefetched data to client components. No fetch-to-self.
 */
import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache, createElement, type ReactNode } from "react";
import { createQueryClient } from "@/components/trpc/query-client";
import { createRequestContext } from "./context";
import { appRouter, createCaller } from "./routers/_app";

const getContext = cache(createRequestContext);

export const getQueryClient = cache(createQueryClient);

export const trpc = createTRPCOptionsProxy({ ctx: getContext, router: appRouter, queryClient: getQueryClient });

export async function api() {
  return createCaller(await getContext());
}

export function HydrateClient({ children }: { children: ReactNode }) {
  return createElement(HydrationBoundary, { state: dehydrate(getQueryClient()) }, children);
}
