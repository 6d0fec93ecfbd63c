import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** This section's words for its browser-side parts (components/i18n/client-messages.tsx). */
export default function Layout({ children }: { children: ReactNode }) {
  return (
    // A visit's notes and questions are shown by the opinions components (only their forms' checks are the
    // notes' and questions'); the packet names records, lists and roles by their catalogue words.
    <ClientMessages
      namespaces={["opinions", "packet", "notes.validation", "questions.validation", "healthLists.severity", "records.kind", "records.status", "sharing.roles"]}
    >
      {children}
    </ClientMessages>
  );
}
