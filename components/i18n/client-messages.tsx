import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { BROWSER_BASE_MESSAGES, pickMessages, type MessagePath } from "@/lib/i18n/namespaces";

/**
 * The messages the browser gets for what is inside: the base subtrees every page's client parts use
 * (the header, the "confirm it's you" dialog, form errors) and the namespaces or dotted paths into one
 * ("cases.nav") this part of the app adds — never the whole catalogue. A provider replaces, not extends,
 * the one around it, so the base set is repeated in each (React sends each subtree once per page). A
 * layout of the segment that changes on navigation renders it, so a page's words arrive with the page.
 * tests/unit/client-messages.test.ts checks every client component is covered.
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly MessagePath[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, [...BROWSER_BASE_MESSAGES, ...namespaces])}>{children}</NextIntlClientProvider>;
}
