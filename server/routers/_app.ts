/** The root router: one entry per domain router. */
import { createCallerFactory, router } from "@/server/trpc";
import { accountRouter } from "./account";
import { activityRouter } from "./activity";
import { caseRouter } from "./case";
import { invitationRouter } from "./invitation";
import { memberRouter } from "./member";

export const appRouter = router({
  account: accountRouter,
  activity: activityRouter,
  case: caseRouter,
  invitation: invitationRouter,
  member: memberRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
