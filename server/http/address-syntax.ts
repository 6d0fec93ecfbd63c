/** Whether a configured entry is an IP address or a CIDR range (server/env.ts checks TRUSTED_PROXIES with it). */
import { isIP } from "node:net";

/** True for an IP address or a CIDR range (`10.0.0.0/8`, `fd00::/8`); used to check TRUSTED_PROXIES. */
export function isAddressOrRange(entry: string): boolean {
  const [address, bits, extra] = entry.trim().split("/");
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}
