import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The opinions list's words for its browser-side parts; one opinion's page sends more (its own layout). */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["opinions"]}>{children}</ClientMessages>;
}
