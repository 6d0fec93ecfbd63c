/** Calls the app's tRPC endpoint over real HTTP, as a browser's client would (lib/wire-format.ts on the wire). */
import type { APIRequestContext } from "@playwright/test";
import { wireFormat } from "@/lib/wire-format";

export type TrpcResult<T> = { status: number; data?: T; code?: string };

export async function trpcHttp<T = unknown>(
  request: APIRequestContext,
  path: string,
  input: unknown,
  { kind = "mutation", headers = {} }: { kind?: "mutation" | "query"; headers?: Record<string, string> } = {},
): Promise<TrpcResult<T>> {
  // No input is sent as none, as the browser's client does: no `?input=`, an empty JSON body.
  const wire = input === undefined ? undefined : JSON.stringify(wireFormat.serialize(input));
  const response =
    kind === "query"
      ? await request.get(`/api/trpc/${path}${wire === undefined ? "" : `?input=${encodeURIComponent(wire)}`}`, { headers })
      : await request.post(`/api/trpc/${path}`, { data: wire ?? "", headers: { "content-type": "application/json", ...headers } });
  const body = (await response.json()) as {
    result?: { data: unknown };
    error?: { data?: { code?: string } };
  };
  return body.result
    ? { status: response.status(), data: wireFormat.deserialize(body.result.data) as T }
    : { status: response.status(), code: body.error?.data?.code };
}

/** The case id from a workspace URL like /cases/<uuid>/notes. */
export function caseIdOf(url: string): string {
  const id = /\/cases\/([0-9a-f-]{36})/.exec(url)?.[1];
  if (!id) throw new Error(`not a case URL: ${url}`);
  return id;
}
