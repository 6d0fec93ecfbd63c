import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** This section's words for its browser-side parts (components/i18n/client-messages.tsx). */
export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "comparison.aspect",
        "comparison.aspectLower",
        "comparison.mark",
        "comparison.grid",
        "comparison.steps",
        "comparison.cell",
        "comparison.rowMark",
        "comparison.ask",
        "comparison.validation",
        "questions.bank",
        "opinions.validation",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
