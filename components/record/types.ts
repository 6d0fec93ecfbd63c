/** The shapes the records pages pass from server components to client ones, read from the router. */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";

type Outputs = inferRouterOutputs<AppRouter>;

export type RecordView = Outputs["record"]["list"][number];
export type RecordFileView = Outputs["file"]["list"][number];

/** What the reader may do with records: viewers only read. */
export type RecordPermissions = {
  canEdit: boolean;
  isOwner: boolean;
  /** The reader's own user id: the author of a record may change whether it is private. */
  userId: string;
};
