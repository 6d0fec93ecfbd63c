/** Field schemas every form shares: trimmed text with a limit, moments and calendar dates. */
import { z } from "zod";
import { messageRef } from "./i18n/message-ref";
import { withoutControlCharacters } from "./plain-text";

/**
 * Dates a person can enter. The range keeps every value storable (PostgreSQL has no year 0 and the
 * driver cannot write years past 9999) and catches typos like 20260 with a clear message.
 */

const EARLIEST = new Date("1900-01-01T00:00:00Z");

const LATEST = new Date("2199-12-31T23:59:59Z");

const OUT_OF_RANGE = messageRef("validation.dateOutOfRange", { from: 1900, to: 2199 });

export const zMoment = (required: string) =>
  z.date(required).min(EARLIEST, OUT_OF_RANGE).max(LATEST, OUT_OF_RANGE);

/** A calendar day as YYYY-MM-DD. */
export const zCalendarDate = (required: string) =>
  z.iso.date(required).refine((day) => day >= "1900-01-01" && day <= "2199-12-31", OUT_OF_RANGE);

/** zod inputs shared by the case and sharing forms (client) and their routers (server). */

/** Trimmed, length-limited text; the message names the limit so a person knows what to shorten. */
export const zText = (max: number, { required }: { required?: string } = {}) => {
  const base = z.string().overwrite(withoutControlCharacters).trim().max(max, messageRef("validation.tooLong", { max }));
  return required ? base.min(1, required) : base;
};

/**
 * Whole numbers in the range of the PostgreSQL `integer` (int4) column they are stored in or read
 * from. An unbounded `z.number().int()` lets 2147483648 through to the database, which refuses it
 * with an error naming the query: every integer in a contract is bounded here instead.
 */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

export const zInt4 = () => z.number().int().min(INT4_MIN).max(INT4_MAX);

const STALE_VERSION_INPUT = messageRef("validation.badVersion");

/** The `version` of a saved row a person edited (versions start at 1). */
export const zVersion = () => z.number().int(STALE_VERSION_INPUT).min(1, STALE_VERSION_INPUT).max(INT4_MAX, STALE_VERSION_INPUT);

/** The `version` a person edited where 0 means "not written yet" (comparison cells, reflections, self-checks). */
export const zVersionOrUnwritten = () => z.number().int(STALE_VERSION_INPUT).min(0, STALE_VERSION_INPUT).max(INT4_MAX, STALE_VERSION_INPUT);

/**
 * The one field every create input spreads in (`ZNoteFields.extend(ZSubmission)`): a UUID the form makes
 * once per submission and sends again when it retries that submission, so the retry returns the first
 * result instead of writing a second row (server/rows/create-once.ts, docs/decisions/0032).
 */
export const ZSubmission = { submissionId: z.uuid().optional() };
