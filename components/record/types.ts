import type { useTranslations } from "next-intl";
import type { RecordFileView } from "@/lib/record";

/** What the records pages pass from server components to client ones, besides the views (lib/record.ts). */

/** A file as the page shows it: its digest (for exports and checks) stays on the server. */
export type RecordFileShown = Omit<RecordFileView, "sha256">;

/** What the reader may do with records: viewers only read. */
export type RecordPermissions = {
  canEdit: boolean;
  isOwner: boolean;
  /** The reader's own user id: the author of a record may change whether it is private. */
  userId: string;
};

/** The records namespace's translator, for helpers that put words together outside a component. */
export type RecordsT = ReturnType<typeof useTranslations<"records">>;

/** One part of it, for helpers of the records page's browser parts, which get only the parts they use. */
export type RecordsPartT<Part extends "card" | "fields" | "files" | "saved" | "kind" | "upload"> = ReturnType<typeof useTranslations<`records.${Part}`>>;
