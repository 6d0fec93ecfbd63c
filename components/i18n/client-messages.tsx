import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { BROWSER_BASE_NAMESPACES, type Namespace } from "@/lib/i18n/namespaces";

/**
 * The messages the browser gets for what is inside: the base namespaces every page's client parts use
 * (the header, the "confirm it's you" dialog, form errors) and the ones this part of the app adds — never
 * the whole catalogue. A layout of the segment that changes on navigation renders it, so a page's words
 * arrive with the page. tests/unit/client-messages.test.ts checks every client component is covered.
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly Namespace[]; children: ReactNode }) {
  const messages = await getMessages();
  const wanted = new Set<string>([...BROWSER_BASE_NAMESPACES, ...namespaces]);
  return (
    <NextIntlClientProvider messages={Object.fromEntries(Object.entries(messages).filter(([namespace]) => wanted.has(namespace)))}>
      {children}
    </NextIntlClientProvider>
  );
}
