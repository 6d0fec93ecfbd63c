/**
 * The files a record takes, checked in the browser before sending and again on the server, apart from
 * the record vocabulary so a page loads these rules only with its upload control. `lib/record.ts` (the
 * contract) re-exports them.
 */
import { messageRef } from "../i18n/message-ref";

/** The largest file accepted, in bytes (25 MB). */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

/**
 * The only kinds of file a record takes; the server decides from a file's bytes (server/files/detect-type.ts).
 * `label` is the format's own name, the same in every language; plain text is named in words by the catalogue
 * (`records.files.plainText`).
 */
export const ALLOWED_FILE_TYPES = [
  { mediaType: "application/pdf", extension: "pdf", label: "PDF" },
  { mediaType: "image/jpeg", extension: "jpg", label: "JPEG" },
  { mediaType: "image/png", extension: "png", label: "PNG" },
  { mediaType: "image/heic", extension: "heic", label: "HEIC" },
  { mediaType: "image/heif", extension: "heif", label: "HEIF" },
  { mediaType: "text/plain", extension: "txt", label: "TXT" },
] as const satisfies readonly { mediaType: string; extension: string; label: string }[];

export type AllowedMediaType = (typeof ALLOWED_FILE_TYPES)[number]["mediaType"];

/** Shown when a file's real type is not one of the above (a message reference: lib/i18n/message-ref.ts). */
export const ALLOWED_TYPES_MESSAGE = messageRef("records.files.allowedTypes");

/** What a file picker offers: the extensions and media types above ("jpeg" too). The server still decides from the bytes. */
export const FILE_INPUT_ACCEPT = [
  ...ALLOWED_FILE_TYPES.map((t) => `.${t.extension}`),
  ".jpeg",
  ...ALLOWED_FILE_TYPES.map((t) => t.mediaType),
].join(",");

/**
 * Why a chosen file would be refused, checked in the browser before sending (the server checks again,
 * and decides the type from the bytes): empty, too large, or neither its name nor its type is one we take.
 * Null when it may be sent; else a message reference the form puts in words.
 */
export function fileChoiceProblem(file: { name: string; type: string; size: number }): string | null {
  if (file.size === 0) return messageRef("records.files.empty", { name: file.name });
  if (file.size > MAX_FILE_BYTES) return messageRef("records.files.tooLarge", { name: file.name, max: MAX_FILE_BYTES / (1024 * 1024) });
  const extension = file.name.includes(".") ? file.name.slice(file.name.lastIndexOf(".") + 1).toLowerCase() : "";
  const byName = extension === "jpeg" || ALLOWED_FILE_TYPES.some((t) => t.extension === extension);
  const byType = ALLOWED_FILE_TYPES.some((t) => t.mediaType === file.type);
  return byName || byType ? null : ALLOWED_TYPES_MESSAGE;
}
