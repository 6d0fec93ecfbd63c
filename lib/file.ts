/** Files attached to records: what may be uploaded, and how big. The server checks the real type from the first bytes (server/files/detect-type.ts). */

/** The largest file accepted, in bytes (25 MB). */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

/** How many leading bytes decide the type. */
export const SNIFF_BYTES = 4096;

export interface DetectedType {
  mediaType: string;
  extension: string;
}

export const ALLOWED_FILE_TYPES = [
  { mediaType: "application/pdf", extension: "pdf", label: "PDF" },
  { mediaType: "image/jpeg", extension: "jpg", label: "JPEG" },
  { mediaType: "image/png", extension: "png", label: "PNG" },
  { mediaType: "image/heic", extension: "heic", label: "HEIC" },
  { mediaType: "image/heif", extension: "heif", label: "HEIF" },
  { mediaType: "text/plain", extension: "txt", label: "plain text" },
] as const satisfies readonly (DetectedType & { label: string })[];

export type AllowedMediaType = (typeof ALLOWED_FILE_TYPES)[number]["mediaType"];

/** Shown when a file's real type is not one of the above. */
export const ALLOWED_TYPES_MESSAGE =
  "That kind of file can't be added. Choose a PDF, a JPEG, PNG or HEIC/HEIF image, or a plain text (.txt) file.";
