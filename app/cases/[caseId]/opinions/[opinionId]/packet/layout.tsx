import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** A visit packet's words for its browser-side parts (components/i18n/client-messages.tsx). */
export default function Layout({ children }: { children: ReactNode }) {
  // The packet names records, lists and roles by their catalogue words.
  return (
    <ClientMessages namespaces={["opinions", "packet", "healthLists.severity", "records.kind", "records.status", "sharing.roles"]}>{children}</ClientMessages>
  );
}
