"use client";
import { onFirstUse } from "@/components/ui/on-first-use";

/** FileUpload as a card shows it at load: its code comes on first use (components/ui/on-first-use.tsx). */
export const FileUploadOnFirstUse = onFirstUse(() => import("./file-upload").then((m) => m.FileUpload));
