/** The access log's vocabulary the browser loads at once, without zod; `lib/access-log.ts` (the contract) re-exports it. */
import type { ActivityAction } from "./activity";

/** The kinds of entry the owner can filter by: changes, section visits, downloads, exports. */
export const ACCESS_KINDS = ["change", "view", "download", "export"] as const;

export type AccessKind = (typeof ACCESS_KINDS)[number];

// Their words: `sharing.accessLog.kinds.<kind>` (the filter) and `sharing.accessLog.kindNames.<kind>` (an entry's line).

/** Activity actions that are reads, not changes; every other action is a change. */
export const READ_ACTIONS: Partial<Record<ActivityAction, Exclude<AccessKind, "change" | "view">>> = {
  "file.downloaded": "download",
  "packet.downloaded": "download",
  "case.exported": "export",
};

/** Visits of one member to one section within this many minutes are one entry. */
export const VISIT_WINDOW_MINUTES = 10;

/** Entries a page of the log shows. */
export const ACCESS_LOG_PAGE_SIZE = 30;
