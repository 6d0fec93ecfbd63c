/**
 * The seam between the private calendar feed and the kinds of item that have a date. A source gets
 * the reader (their language and the cases they may open now, with their role in each) and returns
 * that reader's events; it applies its own visibility rule, the same where-builder its router uses
 * (server/access.ts). Visits are one source (visits.ts), dated tasks another (tasks.ts); a new kind
 * of dated item is one more `FeedSource` added to `FEED_SOURCES` in feed.ts.
 */
import "server-only";
import type { Db } from "@/db/client";
import type { AnyLocale } from "@/lib/i18n/locales";
import type { CaseContext } from "@/server/access";
import type { CalendarEvent } from "./ics";

export interface FeedReader {
  userId: string;
  locale: AnyLocale;
  /** Each case the reader may open now (`openCasesOf`), as the context a case procedure would get, plus its title. */
  cases: Array<CaseContext & { title: string }>;
}

export type FeedSource = (db: Db, reader: FeedReader) => Promise<CalendarEvent[]>;
