/** The root router: one entry per domain router. */
import { createCallerFactory, router } from "@/server/trpc";
import { accountRouter } from "./account";
import { activityRouter } from "./activity";
import { caseRouter } from "./case";
import { comparisonRouter } from "./comparison";
import { decisionRouter } from "./decision";
import { digestRouter } from "./digest";
import { fileRouter } from "./file";
import { healthListRouter } from "./health-list";
import { invitationRouter } from "./invitation";
import { liveRouter } from "./live";
import { memberRouter } from "./member";
import { noteRouter } from "./note";
import { opinionRouter } from "./opinion";
import { questionRouter } from "./question";
import { recordRouter } from "./record";
import { reflectionRouter } from "./reflection";

export const appRouter = router({
  account: accountRouter,
  activity: activityRouter,
  case: caseRouter,
  comparison: comparisonRouter,
  decision: decisionRouter,
  digest: digestRouter,
  file: fileRouter,
  healthList: healthListRouter,
  invitation: invitationRouter,
  live: liveRouter,
  member: memberRouter,
  note: noteRouter,
  opinion: opinionRouter,
  question: questionRouter,
  record: recordRouter,
  reflection: reflectionRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
