/**
 * What a file really is, from its first bytes — never from its name or the browser's Content-Type.
 * Only ALLOWED_FILE_TYPES (lib/record.ts, where the upload form reads the same limits and message)
 * may be uploaded.
 */
import "server-only";
import { ALLOWED_FILE_TYPES, type AllowedMediaType } from "@/lib/record";

/** How many leading bytes decide the type. */
export const SNIFF_BYTES = 4096;

export interface DetectedType {
  mediaType: string;
  extension: string;
}

const typeOf = (mediaType: AllowedMediaType): DetectedType => {
  const found = ALLOWED_FILE_TYPES.find((t) => t.mediaType === mediaType)!;
  return { mediaType: found.mediaType, extension: found.extension };
};

const startsWith = (head: Uint8Array, signature: readonly number[], offset = 0) =>
  head.length >= offset + signature.length && signature.every((byte, i) => head[offset + i] === byte);

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

const PDF = ascii("%PDF-");
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const FTYP = ascii("ftyp");
/** ISO-BMFF major brands of HEIC (HEVC-coded) images and image sequences. */
const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs"]);
/** Generic HEIF brands (image, image sequence): the codec is not named. */
const HEIF_BRANDS = new Set(["mif1", "msf1"]);

function brandAt(head: Uint8Array, offset: number): string {
  return String.fromCharCode(...head.subarray(offset, offset + 4));
}

function detectHeif(head: Uint8Array): DetectedType | null {
  // An ISO-BMFF file opens with its `ftyp` box: size (4 bytes), "ftyp", major brand, minor version,
  // compatible brands.
  if (head.length < 12 || !startsWith(head, FTYP, 4)) return null;
  const major = brandAt(head, 8);
  if (HEIC_BRANDS.has(major)) return typeOf("image/heic");
  if (!HEIF_BRANDS.has(major)) return null;
  // A generic HEIF container that lists a HEIC brand holds HEVC-coded images.
  const boxSize = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
  const end = Math.min(boxSize, head.length);
  for (let offset = 16; offset + 4 <= end; offset += 4) {
    if (HEIC_BRANDS.has(brandAt(head, offset))) return typeOf("image/heic");
  }
  return typeOf("image/heif");
}

const TAB = 0x09;
const LF = 0x0a;
const FF = 0x0c;
const CR = 0x0d;

/**
 * True when `bytes` is UTF-8 text without NUL or C0 control characters (tab, line feed, form feed
 * and carriage return excepted). When `complete` is false, `bytes` is a prefix of the file, so a
 * multi-byte character cut at its end is not an error.
 */
export function isPlainText(bytes: Uint8Array, complete: boolean): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x20 && byte !== TAB && byte !== LF && byte !== FF && byte !== CR) return false;
  }
  try {
    // `stream: true` keeps an incomplete trailing sequence for a next call instead of failing on it.
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** HTML, SVG and XML open with a tag, a declaration or a processing instruction: they are not plain text. */
function looksLikeMarkup(head: Uint8Array): boolean {
  let i = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0; // UTF-8 byte order mark
  while (i < head.length && (head[i] === 0x20 || head[i] === TAB || head[i] === LF || head[i] === CR || head[i] === FF)) i++;
  if (head[i] !== 0x3c /* < */) return false;
  const next = head[i + 1];
  if (next === undefined) return false;
  const isLetter = (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a);
  return isLetter || next === 0x21 /* ! */ || next === 0x3f /* ? */ || next === 0x2f /* / */;
}

/**
 * The file's real type from its first bytes, or null when it is not one of ALLOWED_FILE_TYPES.
 * Pass `complete: true` when `head` is the whole file (then a cut multi-byte character at its end
 * makes it invalid text).
 */
export function detectFileType(head: Uint8Array, options: { complete?: boolean } = {}): DetectedType | null {
  if (head.length === 0) return null;
  if (startsWith(head, PDF)) return typeOf("application/pdf");
  if (startsWith(head, PNG)) return typeOf("image/png");
  if (startsWith(head, JPEG)) return typeOf("image/jpeg");
  const heif = detectHeif(head);
  if (heif) return heif;
  if (isPlainText(head, options.complete ?? false) && !looksLikeMarkup(head)) return typeOf("text/plain");
  return null;
}
