import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/**
 * The opinions list's words for its browser-side parts: the add form's and the visit times'. One
 * opinion's page sends more (its own layout).
 */
export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={["opinions.editors", "opinions.form", "opinions.kind", "opinions.saved", "opinions.status", "opinions.tri", "opinions.validation", "opinions.visit"]}
    >
      {children}
    </ClientMessages>
  );
}
