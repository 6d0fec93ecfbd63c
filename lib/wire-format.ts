/**
 * How tRPC's inputs and answers cross the wire between browser and server: JSON, with a Date sent as
 * `{"$date": "<ISO 8601>"}` and read back as a Date. The contracts' outputs hold plain data whose only
 * non-JSON values are dates (lib/*.ts, z.date()), so this is all the app needs; superjson did the same
 * in ~4 KiB (compressed) of every page's first load (decision 0040).
 */
const DATE = "$date";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function serialize(value: unknown): Json {
  if (value instanceof Date) return { [DATE]: value.toISOString() };
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : serialize(item)));
  if (isPlainObject(value)) {
    // fromEntries defines own properties: a "__proto__" key stays a key, never a prototype.
    return Object.fromEntries(Object.entries(value).flatMap(([key, item]) => (item === undefined ? [] : [[key, serialize(item)]])));
  }
  return value as Json;
}

function deserialize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deserialize);
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  const date = value[DATE];
  if (keys.length === 1 && typeof date === "string") {
    const parsed = new Date(date);
    // Not a date after all (someone sent it): left as it came, for the contract to refuse.
    return Number.isNaN(parsed.getTime()) ? value : parsed;
  }
  return Object.fromEntries(keys.map((key) => [key, deserialize(value[key])]));
}

/** tRPC's `transformer`, the same on both ends. */
export const wireFormat = { serialize, deserialize };
