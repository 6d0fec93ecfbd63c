/** Calls the app's tRPC endpoint over real HTTP, as a browser's client would (superjson on the wire). */
import type { APIRequestContext } from "@playwright/test";
import superjson from "superjson";

export type TrpcResult<T> = { status: number; data?: T; code?: string };

export async function trpcHttp<T = unknown>(
  request: APIRequestContext,
  path: string,
  input: unknown,
  { kind = "mutation", headers = {} }: { kind?: "mutation" | "query"; headers?: Record<string, string> } = {},
): Promise<TrpcResult<T>> {
  const wire = superjson.serialize(input);
  const response =
    kind === "query"
      ? await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(wire))}`, { headers })
      : await request.post(`/api/trpc/${path}`, { data: wire, headers });
  const body = (await response.json()) as {
    result?: { data: Parameters<typeof superjson.deserialize>[0] };
    error?: { json?: { data?: { code?: string } } };
  };
  return body.result
    ? { status: response.status(), data: superjson.deserialize<T>(body.result.data) }
    : { status: response.status(), code: body.error?.json?.data?.code };
}

/** The case id from a workspace URL like /cases/<uuid>/notes. */
export function caseIdOf(url: string): string {
  const id = /\/cases\/([0-9a-f-]{36})/.exec(url)?.[1];
  if (!id) throw new Error(`not a case URL: ${url}`);
  return id;
}
