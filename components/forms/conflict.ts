/** Reading a CONFLICT (someone else saved first) from a tRPC error: the version they saved. */
import { TRPCClientError } from "@trpc/client";
import type { z } from "zod";

/**
 * The saved row carried by a CONFLICT error's `data.current`, typed by its view schema; null for any
 * other error. Not parsed again here: the server built it with that view (`staleVersion`), and
 * leaving zod out of the browser's first load is worth more than checking its own output twice.
 */
export function conflictCurrent<Schema extends z.ZodType>(error: unknown): z.infer<Schema> | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { code?: string; current?: unknown } | undefined;
  return data?.code === "CONFLICT" && data.current ? (data.current as z.infer<Schema>) : null;
}
