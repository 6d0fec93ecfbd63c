/** The activity log's vocabulary: what can happen in a case, who may see each entry, and an entry as the feed shows it. */
import { z } from "zod";
import { zInt4 } from "./fields";
import { messageRef } from "./i18n/message-ref";
export * from "./vocabulary/activity";

/** An entry of the case's feed as a member sees it (`activity.list`), newest first. */
export const ZActivityView = z.object({
  id: z.uuid(),
  actorName: z.string().nullable(),
  /** The reader's own action, or a quiet one (a download): never shown as new. */
  isNews: z.boolean(),
  action: z.string(),
  /** The action's words in the feed, in the reader's language (server/activity-words.ts). */
  label: z.string(),
  summary: z.string(),
  entityType: z.string(),
  entityId: z.uuid().nullable(),
  createdAt: z.date(),
});

export type ActivityView = z.infer<typeof ZActivityView>;

export const ZActivityFeedInput = z.object({
  /** The last entry the reader has (a page's `nextCursor`): the page starts just before it, on (created_at, id). */
  cursor: z.uuid(messageRef("activity.validation.cursor")).optional(),
});

/** One line of the feed: one entry, or a run of the same action by the same person on the same kind of thing. */
export const ZActivityGroup = z.object({
  /** The newest entry's id. */
  id: z.uuid(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  /** "wrote a note", or for a run "wrote 10 notes". */
  label: z.string(),
  count: zInt4().min(1),
  /** The newest and oldest entries of the run on this page. */
  newestAt: z.date(),
  oldestAt: z.date(),
  /** The newest entry that is news to the reader (ZActivityView.isNews), to mark the line "New". */
  newestNewsAt: z.date().nullable(),
  /** The newest entries of the run, at most ACTIVITY_GROUP_ITEMS. */
  items: z.array(ZActivityView),
  /** The run goes on in older entries than this page read: the count is "and more". */
  continuesEarlier: z.boolean(),
  /** The run began on the page before (newer entries): this line continues it. */
  continuesLater: z.boolean(),
});

export type ActivityGroup = z.infer<typeof ZActivityGroup>;

export const ZActivityFeedPage = z.object({
  groups: z.array(ZActivityGroup),
  /** Pass as `cursor` for the next (older) page; null when there is nothing older. */
  nextCursor: z.uuid().nullable(),
});

export type ActivityFeedPage = z.infer<typeof ZActivityFeedPage>;
