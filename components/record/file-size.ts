import type { RecordsPartT } from "./types";

/** A file size as people read it: "820 bytes", "14 KB", "2.4 MB" (the number in the reader's language). */
export function formatFileSize(bytes: number, t: RecordsPartT<"files">): string {
  if (bytes < 1024) return t("bytes", { count: bytes });
  const kb = bytes / 1024;
  if (kb < 1024) return t("kilobytes", { size: kb < 10 ? Math.round(kb * 10) / 10 : Math.round(kb) });
  const mb = kb / 1024;
  return t("megabytes", { size: mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb) });
}
