/**
 * The address of the person making a request, for per-address limits (sign-in, sign-up, reset emails)
 * and nothing else. Touch this file to change which proxies are believed.
 *
 * `next start` gives route handlers and server actions no socket address of their own: it only fills
 * `X-Forwarded-For` with the peer's address when the request arrived without one (Next 16,
 * base-server.js `??=`), and otherwise passes the header on unchanged. So the header is the only
 * source, and every entry in it may be made up, except those written by proxies we run. Walking from
 * the right, we skip the addresses of our own proxies (`TRUSTED_PROXIES`) and take the first one that
 * is not: the address our outermost proxy saw. See docs/decisions/0024.
 */
import "server-only";
import { BlockList, isIP } from "node:net";
import { config } from "@/server/env";

/** The answer when no address can be found; all such requests share one per-address limit. */
export const UNKNOWN_ADDRESS = "unknown";

/** A set of trusted proxy addresses and ranges; entries are checked by `isAddressOrRange` first. */
export function trustedProxySet(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", bits] = entry.trim().split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

/** One X-Forwarded-For entry as a bare address ("[::1]:443" → "::1", "1.2.3.4:80" → "1.2.3.4"), or null. */
function bareAddress(entry: string): string | null {
  let value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  // An IPv4 client seen through an IPv6 socket is the same person as its IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped?.[1]) value = mapped[1];
  return isIP(value) ? value.toLowerCase() : null;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  return trusted.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The right-most `X-Forwarded-For` address that is not one of our proxies. An entry that is not an
 * address at all (made up, or garbled) ends the walk: nothing left of it can be believed either.
 */
export function clientAddress(headers: Headers, trusted: BlockList): string {
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").filter((e) => e.trim() !== "");
  for (let i = entries.length - 1; i >= 0; i--) {
    const address = bareAddress(entries[i] ?? "");
    if (!address) return UNKNOWN_ADDRESS;
    if (!isTrusted(address, trusted)) return address;
  }
  // Every entry is one of our proxies (or there were none): the left-most is the nearest we know.
  return bareAddress(entries[0] ?? "") ?? UNKNOWN_ADDRESS;
}

/**
 * Whether the request reached us through one of our proxies: the right-most entry (the peer that
 * connected to `next start`) is trusted. Only then are headers that such a proxy adds believed.
 */
export function nearestHopIsTrusted(headers: Headers, trusted: BlockList): boolean {
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").filter((e) => e.trim() !== "");
  const nearest = bareAddress(entries[entries.length - 1] ?? "");
  return nearest !== null && isTrusted(nearest, trusted);
}

let configured: { entries: readonly string[]; set: BlockList } | undefined;

/** `clientAddress` with this process's TRUSTED_PROXIES: what the app uses wherever it needs an address. */
export function requestClientAddress(headers: Headers): string {
  const entries = config().trustedProxies;
  if (configured?.entries !== entries) configured = { entries, set: trustedProxySet(entries) };
  return clientAddress(headers, configured.set);
}
