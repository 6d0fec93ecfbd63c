/**
 * Server components read case data through this caller: the real router with the request's
 * context (session, database, per-request access checks), and no fetch-to-self. Client components
 * mutate through tRPC and then refresh the page (docs/ARCHITECTURE.md, "One data-flow model").
 */
import "server-only";
import { cache } from "react";
import { createRequestContext } from "./context";
import { createCaller } from "./routers/_app";

const getContext = cache(createRequestContext);

export async function api() {
  return createCaller(await getContext());
}
