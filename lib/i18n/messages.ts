/**
 * The shape of the message catalogues, taken from the English one (types only: nothing of the catalogues
 * is bundled by importing this). Every other language has exactly these keys (tests/unit/catalogues.test.ts).
 */
import type { NAMESPACES } from "./namespaces";
import type accessibility from "./messages/en/accessibility.json";
import type account from "./messages/en/account.json";
import type activity from "./messages/en/activity.json";
import type cases from "./messages/en/cases.json";
import type checklist from "./messages/en/checklist.json";
import type common from "./messages/en/common.json";
import type comparison from "./messages/en/comparison.json";
import type decision from "./messages/en/decision.json";
import type digest from "./messages/en/digest.json";
import type emails from "./messages/en/emails.json";
import type errors from "./messages/en/errors.json";
import type healthLists from "./messages/en/healthLists.json";
import type home from "./messages/en/home.json";
import type layout from "./messages/en/layout.json";
import type notes from "./messages/en/notes.json";
import type tasks from "./messages/en/tasks.json";
import type opinions from "./messages/en/opinions.json";
import type packet from "./messages/en/packet.json";
import type privacy from "./messages/en/privacy.json";
import type questions from "./messages/en/questions.json";
import type records from "./messages/en/records.json";
import type selfCheck from "./messages/en/selfCheck.json";
import type sharing from "./messages/en/sharing.json";
import type signIn from "./messages/en/signIn.json";
import type talking from "./messages/en/talking.json";
import type validation from "./messages/en/validation.json";

export type Messages = {
  accessibility: typeof accessibility;
  account: typeof account;
  activity: typeof activity;
  cases: typeof cases;
  checklist: typeof checklist;
  common: typeof common;
  comparison: typeof comparison;
  decision: typeof decision;
  digest: typeof digest;
  emails: typeof emails;
  errors: typeof errors;
  healthLists: typeof healthLists;
  home: typeof home;
  layout: typeof layout;
  notes: typeof notes;
  tasks: typeof tasks;
  opinions: typeof opinions;
  packet: typeof packet;
  privacy: typeof privacy;
  questions: typeof questions;
  records: typeof records;
  selfCheck: typeof selfCheck;
  sharing: typeof sharing;
  signIn: typeof signIn;
  talking: typeof talking;
  validation: typeof validation;
};

// Keeps the list of namespaces (runtime) and the type above the same.
type _SameNamespaces = [keyof Messages] extends [(typeof NAMESPACES)[number]]
  ? [(typeof NAMESPACES)[number]] extends [keyof Messages]
    ? true
    : never
  : never;
export const _sameNamespaces: _SameNamespaces = true;

type Paths<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message's full key, e.g. "validation.tooLong". */
export type MessageKey = Paths<Messages>;
