import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";

/**
 * What each procedure returns, for client components. Prefer an entity's view type from lib/<noun>.ts
 * (e.g. `NoteView`); use this for composite outputs (a page's view model).
 */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
