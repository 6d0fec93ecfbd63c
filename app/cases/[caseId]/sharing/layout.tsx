import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** This section's words for its browser-side parts (components/i18n/client-messages.tsx). */
export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "cases.settings",
        "cases.twoStep",
        "cases.download",
        "sharing.roles",
        "sharing.access",
        "sharing.leave",
        "sharing.invite",
        "sharing.link",
        "sharing.invitations",
        "sharing.validation",
        "signIn.validation",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
