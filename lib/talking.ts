/**
 * Talking to your doctor: the guide's scripts, in the app's own words. Only their keys live here; their
 * words (`talking.scripts.<key>.title` and `.text`, and the rest of the page) are in the catalogue, in
 * every language, so a script is copied in the reader's language.
 */
import { SECOND_OPINION_KINDS } from "./vocabulary/opinion";

/** Words for asking the current doctor, to copy, adapt or read out. */
export const ASKING_SCRIPTS = ["askPerspective", "askWhatToBring", "askKeepTrust"] as const;

export const RECORDS_SCRIPTS = ["recordsRequest", "recordsImages"] as const;

/** What the current doctor may ask in return (`talking.doctorAsks.questions.<key>`), with a ready answer to adapt. */
export const DOCTOR_MAY_ASK = ["answerWhere", "answerRelease", "answerQuestions"] as const;

export type ScriptKey = (typeof ASKING_SCRIPTS)[number] | (typeof RECORDS_SCRIPTS)[number] | (typeof DOCTOR_MAY_ASK)[number];

/** Where to get a second opinion: the second-opinion kinds (`talking.where.kinds.<kind>`). */
export const CHOOSING_WHERE = SECOND_OPINION_KINDS;

export const SUPPORT_AND_TIME = {
  bringSomeone: { who: ["family", "friend", "carePartner"], how: ["notes", "followUp", "beThere"] },
  takeTime: { steps: ["think", "read", "talk"] },
} as const;
