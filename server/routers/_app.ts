/** The root router: one entry per domain router. */
import { createCallerFactory, router } from "@/server/trpc";
import { accountRouter } from "./account";
import { activityRouter } from "./activity";
import { caseRouter } from "./case";
import { comparisonRouter } from "./comparison";
import { fileRouter } from "./file";
import { healthListRouter } from "./health-list";
import { invitationRouter } from "./invitation";
import { memberRouter } from "./member";
import { noteRouter } from "./note";
import { opinionRouter } from "./opinion";
import { questionRouter } from "./question";
import { recordRouter } from "./record";

export const appRouter = router({
  account: accountRouter,
  activity: activityRouter,
  case: caseRouter,
  comparison: comparisonRouter,
  file: fileRouter,
  healthList: healthListRouter,
  invitation: invitationRouter,
  member: memberRouter,
  note: noteRouter,
  opinion: opinionRouter,
  question: questionRouter,
  record: recordRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
