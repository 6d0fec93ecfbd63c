/** The access log's contract (`accessLog.list`): who saw and did what in a case, for its owner. */
import { z } from "zod";
import { messageRef } from "./i18n/message-ref";
import { ZCaseSection } from "./live";
import { ACCESS_KINDS } from "./vocabulary/access-log";
export * from "./vocabulary/access-log";

export const ZAccessKind = z.enum(ACCESS_KINDS);

export const ZAccessLogInput = z.object({
  /** The last entry the reader has (a page's `nextCursor`): the page starts just after it, on (time, id). */
  cursor: z.uuid(messageRef("sharing.validation.logCursor")).optional(),
  /** Only this person's entries (a user id). */
  person: z.uuid(messageRef("sharing.validation.choosePerson")).optional(),
  section: ZCaseSection.optional(),
  kind: ZAccessKind.optional(),
});

export type AccessLogInput = z.infer<typeof ZAccessLogInput>;

/**
 * One entry: a change, download or export (an activity entry) or a member's visits to a section
 * within one window. Ids, kinds, section names and times only — never what was read or written.
 */
export const ZAccessLogEntry = z.object({
  id: z.uuid(),
  kind: ZAccessKind,
  /** When it happened; for a visit, the window's first page load. */
  at: z.date(),
  /** A visit's last page load in its window; for other entries the same as `at`. */
  lastAt: z.date(),
  /** A visit's page loads in its window (a live refresh counts); 1 for other entries. */
  count: z.number().int().min(1),
  actorId: z.uuid().nullable(),
  /** null: the account has since been deleted. */
  actorName: z.string().nullable(),
  /** The activity action (lib/activity.ts); null for a visit. */
  action: z.string().nullable(),
  /** The action's words ("downloaded a file"), or "opened" for a visit, in the reader's language. */
  label: z.string(),
  section: ZCaseSection,
  entityType: z.string().nullable(),
  entityId: z.uuid().nullable(),
  /** A downloaded file's name as the case shows it now; null once the file is removed. */
  fileName: z.string().nullable(),
});

export type AccessLogEntry = z.infer<typeof ZAccessLogEntry>;

export const ZAccessLogPage = z.object({
  entries: z.array(ZAccessLogEntry),
  /** Everyone with an entry in the log, members who have left included, by name: the person filter's choices. */
  people: z.array(z.object({ userId: z.uuid(), name: z.string() })),
  /** Pass as `cursor` for the next (older) page; null when there is nothing older. */
  nextCursor: z.uuid().nullable(),
});

export type AccessLogPage = z.infer<typeof ZAccessLogPage>;
