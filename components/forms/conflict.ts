/** Reading a CONFLICT (someone else saved first) from a tRPC error: the version they saved. */
import { TRPCClientError } from "@trpc/client";
import type { z } from "zod";

/** The saved row carried by a CONFLICT error's `data.current`, checked against `schema`; null for any other error. */
export function conflictCurrent<T extends z.ZodType>(error: unknown, schema: T): z.infer<T> | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { code?: string; current?: unknown } | undefined;
  if (data?.code !== "CONFLICT") return null;
  const parsed = schema.safeParse(data.current);
  return parsed.success ? parsed.data : null;
}
