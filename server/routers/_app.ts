/** The root router: one entry per domain router. */
import { createCallerFactory, router } from "@/server/trpc";
import { accountRouter } from "./account";

export const appRouter = router({
  account: accountRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
