import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** This section's words for its browser-side parts (components/i18n/client-messages.tsx). */
export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "records.kind",
        "records.status",
        "records.statusLower",
        "records.start",
        "records.fields",
        "records.saved",
        "records.add",
        "records.edit",
        "records.card",
        "records.markAs",
        "records.statusForm",
        "records.board",
        "records.files",
        "records.upload",
        "records.validation",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
