/**
 * Visits as calendar events: one per opinion with a visit date, for the visit's own download and for
 * the private feed. What an event says is limited on purpose (SECURITY.md): the case's title, the
 * place or video link, the time and its zone, and a link into SecondLook — no clinician, specialty,
 * notes or anything else about the person's health.
 */
import "server-only";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, opinions } from "@/db/schema";
import type { AnyLocale } from "@/lib/i18n/locales";
import { formatDateTime } from "@/lib/format-date";
import { zoneCity, zoneOffsetLabel } from "@/lib/time-zone";
import { config } from "@/server/env";
import { translatorFor } from "@/server/i18n/translator";
import type { FeedSource } from "./feed-source";
import type { CalendarEvent } from "./ics";

/** A visit has no end time in SecondLook; calendars get an hour, which people can stretch in their own. */
const VISIT_MINUTES = 60;

const visitColumns = {
  id: opinions.id,
  caseId: opinions.caseId,
  caseTitle: cases.title,
  visitAt: opinions.visitAt,
  visitTimeZone: opinions.visitTimeZone,
  visitPlace: opinions.visitPlace,
  visitLink: opinions.visitLink,
  version: opinions.version,
  updatedAt: opinions.updatedAt,
};

type VisitRow = { id: string; caseId: string; caseTitle: string; visitAt: Date | null; visitTimeZone: string | null; visitPlace: string; visitLink: string; version: number; updatedAt: Date };

/** The event for one visit, in the reader's language. */
export function visitEvent(visit: VisitRow & { visitAt: Date }, locale: AnyLocale): CalendarEvent {
  const t = translatorFor(locale);
  const url = `${config().appUrl}/cases/${visit.caseId}/opinions/${visit.id}`;
  const lines = [
    visit.visitTimeZone
      ? t("opinions.calendar.bookedIn", {
          time: formatDateTime(visit.visitAt, locale, visit.visitTimeZone),
          zone: t("opinions.visit.zone", { city: zoneCity(visit.visitTimeZone), offset: zoneOffsetLabel(visit.visitAt, visit.visitTimeZone) }),
        })
      : null,
    visit.visitLink ? t("opinions.calendar.videoLink", { link: visit.visitLink }) : null,
    t("opinions.calendar.openInApp", { url }),
  ];
  return {
    uid: `visit-${visit.id}@secondlook`,
    start: visit.visitAt,
    durationMinutes: VISIT_MINUTES,
    title: t("opinions.calendar.summary", { title: visit.caseTitle }),
    location: visit.visitPlace || visit.visitLink,
    description: lines.filter(Boolean).join("\n"),
    url,
    sequence: visit.version,
    updatedAt: visit.updatedAt,
  };
}

/** One opinion's visit in case `caseId`, or null when it has no date (or is not in that case). */
export async function findVisitEvent(db: Db, caseId: string, opinionId: string, locale: AnyLocale): Promise<CalendarEvent | null> {
  const [row] = await db
    .select(visitColumns)
    .from(opinions)
    .innerJoin(cases, eq(cases.id, opinions.caseId))
    .where(and(eq(opinions.id, opinionId), eq(opinions.caseId, caseId)));
  return row?.visitAt ? visitEvent({ ...row, visitAt: row.visitAt }, locale) : null;
}

/**
 * The feed's source for visits. Opinions are seen by every member of a case, so every dated visit of
 * the reader's open cases is theirs to see.
 */
export const visitEvents: FeedSource = async (db, reader) => {
  const caseIds = reader.cases.map((c) => c.caseId);
  if (caseIds.length === 0) return [];
  const rows = await db
    .select(visitColumns)
    .from(opinions)
    .innerJoin(cases, eq(cases.id, opinions.caseId))
    .where(and(inArray(opinions.caseId, caseIds), isNotNull(opinions.visitAt)))
    .orderBy(asc(opinions.visitAt));
  return rows.flatMap((row) => (row.visitAt ? [visitEvent({ ...row, visitAt: row.visitAt }, reader.locale)] : []));
};
