/**
 * The message catalogues, loaded on the server only: pages and server components read them through
 * next-intl (server/i18n/request.ts), emails and PDFs through `translatorFor` (server/i18n/translator.ts), and
 * the browser gets only the parts its components use (components/i18n/client-messages.tsx). One import per namespace and
 * language, so that every bundler and test runner loads them the same way.
 */
import "server-only";
import type { Messages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import en_accessibility from "@/lib/i18n/messages/en/accessibility.json";
import en_account from "@/lib/i18n/messages/en/account.json";
import en_activity from "@/lib/i18n/messages/en/activity.json";
import en_cases from "@/lib/i18n/messages/en/cases.json";
import en_checklist from "@/lib/i18n/messages/en/checklist.json";
import en_common from "@/lib/i18n/messages/en/common.json";
import en_comparison from "@/lib/i18n/messages/en/comparison.json";
import en_decision from "@/lib/i18n/messages/en/decision.json";
import en_digest from "@/lib/i18n/messages/en/digest.json";
import en_emails from "@/lib/i18n/messages/en/emails.json";
import en_errors from "@/lib/i18n/messages/en/errors.json";
import en_healthLists from "@/lib/i18n/messages/en/healthLists.json";
import en_home from "@/lib/i18n/messages/en/home.json";
import en_layout from "@/lib/i18n/messages/en/layout.json";
import en_notes from "@/lib/i18n/messages/en/notes.json";
import en_tasks from "@/lib/i18n/messages/en/tasks.json";
import en_opinions from "@/lib/i18n/messages/en/opinions.json";
import en_packet from "@/lib/i18n/messages/en/packet.json";
import en_privacy from "@/lib/i18n/messages/en/privacy.json";
import en_questions from "@/lib/i18n/messages/en/questions.json";
import en_records from "@/lib/i18n/messages/en/records.json";
import en_selfCheck from "@/lib/i18n/messages/en/selfCheck.json";
import en_sharing from "@/lib/i18n/messages/en/sharing.json";
import en_signIn from "@/lib/i18n/messages/en/signIn.json";
import en_talking from "@/lib/i18n/messages/en/talking.json";
import en_validation from "@/lib/i18n/messages/en/validation.json";
import es_accessibility from "@/lib/i18n/messages/es/accessibility.json";
import es_account from "@/lib/i18n/messages/es/account.json";
import es_activity from "@/lib/i18n/messages/es/activity.json";
import es_cases from "@/lib/i18n/messages/es/cases.json";
import es_checklist from "@/lib/i18n/messages/es/checklist.json";
import es_common from "@/lib/i18n/messages/es/common.json";
import es_comparison from "@/lib/i18n/messages/es/comparison.json";
import es_decision from "@/lib/i18n/messages/es/decision.json";
import es_digest from "@/lib/i18n/messages/es/digest.json";
import es_emails from "@/lib/i18n/messages/es/emails.json";
import es_errors from "@/lib/i18n/messages/es/errors.json";
import es_healthLists from "@/lib/i18n/messages/es/healthLists.json";
import es_home from "@/lib/i18n/messages/es/home.json";
import es_layout from "@/lib/i18n/messages/es/layout.json";
import es_notes from "@/lib/i18n/messages/es/notes.json";
import es_tasks from "@/lib/i18n/messages/es/tasks.json";
import es_opinions from "@/lib/i18n/messages/es/opinions.json";
import es_packet from "@/lib/i18n/messages/es/packet.json";
import es_privacy from "@/lib/i18n/messages/es/privacy.json";
import es_questions from "@/lib/i18n/messages/es/questions.json";
import es_records from "@/lib/i18n/messages/es/records.json";
import es_selfCheck from "@/lib/i18n/messages/es/selfCheck.json";
import es_sharing from "@/lib/i18n/messages/es/sharing.json";
import es_signIn from "@/lib/i18n/messages/es/signIn.json";
import es_talking from "@/lib/i18n/messages/es/talking.json";
import es_validation from "@/lib/i18n/messages/es/validation.json";

const en: Messages = {
  accessibility: en_accessibility,
  account: en_account,
  activity: en_activity,
  cases: en_cases,
  checklist: en_checklist,
  common: en_common,
  comparison: en_comparison,
  decision: en_decision,
  digest: en_digest,
  emails: en_emails,
  errors: en_errors,
  healthLists: en_healthLists,
  home: en_home,
  layout: en_layout,
  notes: en_notes,
  tasks: en_tasks,
  opinions: en_opinions,
  packet: en_packet,
  privacy: en_privacy,
  questions: en_questions,
  records: en_records,
  selfCheck: en_selfCheck,
  sharing: en_sharing,
  signIn: en_signIn,
  talking: en_talking,
  validation: en_validation,
};

const es: Messages = {
  accessibility: es_accessibility,
  account: es_account,
  activity: es_activity,
  cases: es_cases,
  checklist: es_checklist,
  common: es_common,
  comparison: es_comparison,
  decision: es_decision,
  digest: es_digest,
  emails: es_emails,
  errors: es_errors,
  healthLists: es_healthLists,
  home: es_home,
  layout: es_layout,
  notes: es_notes,
  tasks: es_tasks,
  opinions: es_opinions,
  packet: es_packet,
  privacy: es_privacy,
  questions: es_questions,
  records: es_records,
  selfCheck: es_selfCheck,
  sharing: es_sharing,
  signIn: es_signIn,
  talking: es_talking,
  validation: es_validation,
};

export const catalogues: Record<Locale, Messages> = { en, es };
