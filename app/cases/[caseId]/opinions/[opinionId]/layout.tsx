import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** One opinion's words for its browser-side parts (components/i18n/client-messages.tsx); its packet has its own. */
export default function Layout({ children }: { children: ReactNode }) {
  // A visit's notes and questions are shown by the opinions components: only their forms' checks are the
  // notes' and questions'. The server's refusals arrive in words, so "opinions.errors" stays on the server.
  return <ClientMessages namespaces={["opinions.calls", "opinions.notes", "opinions.questions", "opinions.delete", "opinions.editors", "opinions.visit", "opinions.form", "opinions.kind", "opinions.saved", "opinions.status", "opinions.tri", "opinions.validation", "notes.validation", "questions.validation"]}>{children}</ClientMessages>;
}
