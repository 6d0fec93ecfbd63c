/** The root router: one entry per domain router. */
import "server-only";
import { createCallerFactory, router } from "@/server/trpc";
import { accessLogRouter } from "./access-log";
import { accountRouter } from "./account";
import { activityRouter } from "./activity";
import { caseRouter } from "./case";
import { checklistRouter } from "./checklist";
import { comparisonRouter } from "./comparison";
import { decisionRouter } from "./decision";
import { calendarRouter } from "./calendar";
import { notificationRouter } from "./notification";
import { emailLinkRouter } from "./email-link";
import { fileRouter } from "./file";
import { healthListRouter } from "./health-list";
import { invitationRouter } from "./invitation";
import { liveRouter } from "./live";
import { memberRouter } from "./member";
import { noteRouter } from "./note";
import { opinionRouter } from "./opinion";
import { packetRouter } from "./packet";
import { passwordRouter } from "./password";
import { passkeyRouter } from "./passkey";
import { questionRouter } from "./question";
import { recordRouter } from "./record";
import { reflectionRouter } from "./reflection";
import { selfCheckRouter } from "./self-check";
import { twoStepRouter } from "./two-step";
import { sessionRouter } from "./session";
import { taskRouter } from "./task";

export const appRouter = router({
  accessLog: accessLogRouter,
  account: accountRouter,
  activity: activityRouter,
  case: caseRouter,
  checklist: checklistRouter,
  comparison: comparisonRouter,
  decision: decisionRouter,
  calendar: calendarRouter,
  notification: notificationRouter,
  emailLink: emailLinkRouter,
  file: fileRouter,
  healthList: healthListRouter,
  invitation: invitationRouter,
  live: liveRouter,
  member: memberRouter,
  note: noteRouter,
  opinion: opinionRouter,
  packet: packetRouter,
  password: passwordRouter,
  passkey: passkeyRouter,
  question: questionRouter,
  record: recordRouter,
  reflection: reflectionRouter,
  selfCheck: selfCheckRouter,
  twoStep: twoStepRouter,
  session: sessionRouter,
  task: taskRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
