import type { RecordsT } from "./types";

/** A file size as people read it: "820 bytes", "14 KB", "2.4 MB" (the number in the reader's language). */
export function formatFileSize(bytes: number, t: RecordsT): string {
  if (bytes < 1024) return t("files.bytes", { count: bytes });
  const kb = bytes / 1024;
  if (kb < 1024) return t("files.kilobytes", { size: kb < 10 ? Math.round(kb * 10) / 10 : Math.round(kb) });
  const mb = kb / 1024;
  return t("files.megabytes", { size: mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb) });
}
