import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The request letter's words for its browser-side parts (components/i18n/client-messages.tsx). */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["records"]}>{children}</ClientMessages>;
}
