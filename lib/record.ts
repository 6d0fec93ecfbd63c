/** Medical records and their files: kinds, statuses, suggestions, file types, the record inputs and views. */
import { z } from "zod";
import { ZSubmission, zText, zInt4 } from "./fields";
import { messageRef } from "./i18n/message-ref";
import { RECORD_KINDS, RECORD_STATUSES } from "./vocabulary/record";
export * from "./vocabulary/record";
export * from "./vocabulary/record-file";

export const ZRecordFields = z.object({
  title: zText(200, { required: messageRef("records.validation.titleRequired") }),
  kind: z.enum(RECORD_KINDS, messageRef("records.validation.kindRequired")),
  source: zText(200),
  notes: zText(2000),
  private: z.boolean(),
});

export type TRecordFields = z.input<typeof ZRecordFields>;

/** What a create sends: the fields and the submission it belongs to (a retry names the same one). */
export const ZRecordCreate = ZRecordFields.extend(ZSubmission);

export const zRecordStatus = z.enum(RECORD_STATUSES, messageRef("records.validation.statusRequired"));

/** A record as a member sees it: the router's output, a CONFLICT's `current`, the packet's source. */
export const ZRecordView = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(RECORD_KINDS),
  source: z.string(),
  status: z.enum(RECORD_STATUSES),
  neededAt: z.date(),
  requestedAt: z.date().nullable(),
  receivedAt: z.date().nullable(),
  sharedAt: z.date().nullable(),
  notes: z.string(),
  private: z.boolean(),
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  fileCount: zInt4(),
  version: zInt4(),
});

export type RecordView = z.infer<typeof ZRecordView>;

/** A file on a record, as a member who may see the record sees it. */
export const ZRecordFileView = z.object({
  id: z.uuid(),
  recordId: z.uuid(),
  name: z.string(),
  mediaType: z.string(),
  size: zInt4(),
  sha256: z.string(),
  uploadedByName: z.string().nullable(),
  createdAt: z.date(),
  /** Where the browser downloads it (an authorized route that records the download). */
  downloadPath: z.string(),
  /** The uploader and the owner may remove a file. */
  canDelete: z.boolean(),
});

export type RecordFileView = z.infer<typeof ZRecordFileView>;
