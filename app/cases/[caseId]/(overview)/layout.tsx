import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/**
 * The overview's words for its browser-side parts (components/i18n/client-messages.tsx): the case
 * details editor, the feed, the urgent-care notice and the "For you" tasks. A route group, so the
 * overview has a layout of its own and the other sections do not receive these.
 */
export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "cases.sections",
        "cases.details",
        "cases.validation",
        "activity.feed",
        "selfCheck.safety",
        "selfCheck.validation",
        "tasks.card",
        "tasks.fields",
        "tasks.forms",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
