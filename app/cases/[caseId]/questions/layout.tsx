import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/**
 * This section's words for its browser-side parts (components/i18n/client-messages.tsx); the guide's
 * suggestions bring theirs with them (the page).
 */
export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "questions.suggested",
        "questions.priority",
        "questions.list",
        "questions.item",
        "questions.addForm",
        "questions.forms",
        "questions.validation",
        "opinions.validation",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
