/**
 * A person's private calendar feed, read by calendar apps without a session: the token in the address
 * is the whole credential (server/calendar/feed.ts). A wrong, revoked or malformed token gets the same
 * plain 404 as any unknown address.
 */
import { readFeed } from "@/server/calendar/feed";
import { getDb } from "@/server/database/connection";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const calendar = await readFeed(await getDb(), token.replace(/\.ics$/, ""));
  if (calendar === null) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(calendar, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="secondlook.ics"',
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      // The address is the credential: it must not leak onward from here.
      "Referrer-Policy": "no-referrer",
    },
  });
}
