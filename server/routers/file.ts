/** Files on records: the list of a record's files and their removal. Uploads and downloads are route handlers (server/files). */
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { recordFiles, records, users } from "@/db/schema";
import { visibleRecords } from "@/server/access";
import { messageRef } from "@/lib/i18n/message-ref";
import { notFound } from "@/server/errors";
import { deleteRecordFile } from "@/server/files/record-files";
import { caseProcedure, router } from "@/server/trpc";
import { ZRecordFileView } from "@/lib/record";

export const fileRouter = router({
  /**
   * The files the caller may see: of one record (NOT_FOUND when the record is not there for them:
   * private), or without `recordId` of every record in the case, in one read (the records page).
   */
  list: caseProcedure("viewer")
    .input(z.object({ recordId: z.uuid().optional() }))
    .output(z.array(ZRecordFileView))
    .query(async ({ ctx, input }) => {
      if (input.recordId) {
        const [record] = await ctx.db
          .select({ id: records.id })
          .from(records)
          .where(and(eq(records.id, input.recordId), visibleRecords(ctx)));
        if (!record) throw notFound(messageRef("records.errors.recordNotFound"));
      }
      const rows = await ctx.db
        .select({
          id: recordFiles.id,
          recordId: recordFiles.recordId,
          name: recordFiles.name,
          mediaType: recordFiles.mediaType,
          size: recordFiles.size,
          sha256: recordFiles.sha256,
          uploadedBy: recordFiles.uploadedBy,
          uploadedByName: users.name,
          createdAt: recordFiles.createdAt,
        })
        .from(recordFiles)
        .innerJoin(records, and(eq(records.id, recordFiles.recordId), eq(records.caseId, recordFiles.caseId)))
        .leftJoin(users, eq(users.id, recordFiles.uploadedBy))
        .where(and(eq(recordFiles.caseId, ctx.caseId), input.recordId ? eq(recordFiles.recordId, input.recordId) : undefined, visibleRecords(ctx)))
        .orderBy(asc(recordFiles.createdAt), asc(recordFiles.id));
      return rows.map(({ uploadedBy, ...row }) => ({
        ...row,
        downloadPath: `/api/cases/${ctx.caseId}/files/${row.id}`,
        canDelete: ctx.role === "owner" || (ctx.role === "supporter" && uploadedBy === ctx.userId),
      }));
    }),

  /** Removes the file's row, bytes and records it in the activity log, in one transaction. */
  delete: caseProcedure("supporter")
    .input(z.object({ fileId: z.uuid() }))
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(({ ctx, input }) => deleteRecordFile({ db: ctx.db, userId: ctx.userId, caseId: ctx.caseId, fileId: input.fileId })),
});
