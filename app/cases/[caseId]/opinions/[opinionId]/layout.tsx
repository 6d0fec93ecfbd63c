import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** One opinion's words for its browser-side parts (components/i18n/client-messages.tsx); its packet has its own. */
export default function Layout({ children }: { children: ReactNode }) {
  // A visit's notes and questions are shown by the opinions components: only their forms' checks are the notes' and questions'.
  return <ClientMessages namespaces={["opinions", "notes.validation", "questions.validation"]}>{children}</ClientMessages>;
}
