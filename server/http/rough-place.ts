/**
 * A rough place for the devices list on the account page ("Berlin, Germany"), from the request that
 * signs a browser in. No lookup leaves this server and no address database ships with the app
 * (the freely shipped ones carry licence terms we do not take on; docs/decisions/0030), so a place is
 * known only when a proxy we run (TRUSTED_PROXIES) says it: the country and city headers that CDNs
 * such as Cloudflare, Vercel and CloudFront add. A private or loopback address is "This network".
 * Anything else shows no place rather than a guess.
 */
import "server-only";
import { BlockList, isIP } from "node:net";
import { config } from "@/server/env";
import { clientAddress, nearestHopIsTrusted, trustedProxySet, UNKNOWN_ADDRESS } from "./client-address";

/** What the list says for an address on the same private network as the server, or the machine itself. */
export const THIS_NETWORK = "This network";

const privateRanges = (() => {
  const list = new BlockList();
  for (const [address, bits] of [
    ["10.0.0.0", 8],
    ["172.16.0.0", 12],
    ["192.168.0.0", 16],
    ["127.0.0.0", 8],
    ["169.254.0.0", 16],
  ] as const) {
    list.addSubnet(address, bits, "ipv4");
  }
  list.addAddress("::1", "ipv6");
  list.addSubnet("fc00::", 7, "ipv6");
  list.addSubnet("fe80::", 10, "ipv6");
  return list;
})();

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return privateRanges.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** Country headers, first match wins; each is a two-letter ISO 3166 code. */
const COUNTRY_HEADERS = ["cf-ipcountry", "x-vercel-ip-country", "cloudfront-viewer-country"];
const CITY_HEADERS = ["x-vercel-ip-city", "cloudfront-viewer-city", "cf-ipcity"];
/** Codes the CDNs use for "unknown" or "Tor", not places. */
const NOT_A_COUNTRY = new Set(["XX", "T1", "ZZ", "EU", "AP"]);

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

function countryName(headers: Headers): string | null {
  for (const name of COUNTRY_HEADERS) {
    const code = headers.get(name)?.trim().toUpperCase();
    if (!code || !/^[A-Z]{2}$/.test(code) || NOT_A_COUNTRY.has(code)) continue;
    return regionNames.of(code) ?? null;
  }
  return null;
}

function cityName(headers: Headers): string | null {
  for (const name of CITY_HEADERS) {
    const raw = headers.get(name);
    if (!raw) continue;
    let city = raw;
    try {
      // Vercel sends the city percent-encoded ("S%C3%A3o%20Paulo").
      city = decodeURIComponent(raw);
    } catch {
      // Not encoded after all: keep it as sent.
    }
    // Letters, marks, spaces and the punctuation of place names only: a header is not a place to hide markup or controls.
    city = city.replace(/[^\p{L}\p{M}\p{N} .,'’()-]/gu, "").replace(/\s+/g, " ").trim().slice(0, 60);
    if (city) return city;
  }
  return null;
}

/**
 * The place to show for a sign-in with these headers, or null when unknown. Geo headers count only
 * when the nearest hop is one of our proxies; from anyone else they could say anything.
 */
export function roughPlace(headers: Headers, trusted: BlockList): string | null {
  const address = clientAddress(headers, trusted);
  if (address !== UNKNOWN_ADDRESS && isPrivateAddress(address)) return THIS_NETWORK;
  if (!nearestHopIsTrusted(headers, trusted)) return null;
  const country = countryName(headers);
  if (!country) return null;
  const city = cityName(headers);
  return city ? `${city}, ${country}` : country;
}

let configured: { entries: readonly string[]; set: BlockList } | undefined;
function configuredSet(): BlockList {
  const entries = config().trustedProxies;
  if (configured?.entries !== entries) configured = { entries, set: trustedProxySet(entries) };
  return configured.set;
}

/** `roughPlace` with this process's TRUSTED_PROXIES. */
export function requestRoughPlace(headers: Headers): string | null {
  return roughPlace(headers, configuredSet());
}
