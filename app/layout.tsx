import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { SessionGuard } from "@/components/account/session-guard";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SiteHeader } from "@/components/layout/site-header";
import { DatesWrittenIn } from "@/components/ui/local-date";
import { FooterLinks } from "@/components/legal/footer-links";
import { LOCALES, PSEUDO_LOCALE, type AnyLocale } from "@/lib/i18n/locales";
import { isTimeZone, TIME_ZONE_COOKIE } from "@/lib/time-zone";
import type { SessionClock } from "@/lib/vocabulary/session";
import { getSession } from "@/server/auth";
import { sessionClock } from "@/server/auth/sessions";
import { getDb } from "@/server/database/connection";
import { config } from "@/server/env";
import "./globals.css";

/**
 * The tab icon, written into each page rather than fetched: on a weak signal that is one request fewer
 * per page load (~0.8 KiB with its headers, against ~0.2 KiB in the compressed page).
 */
const ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0f6b5f"/><circle cx="13" cy="15" r="6" fill="none" stroke="#fff" stroke-width="3"/><path d="M17.5 19.5 24 26" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>',
)}`;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("layout");
  return {
    title: { default: "SecondLook", template: "%s · SecondLook" },
    description: t("description"),
    icons: { icon: { url: ICON, type: "image/svg+xml" } },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * Loading a page is activity: drawing a page (not a refresh or a prefetch of one) notes it and hands the
 * session guard its clock, so the browser need not ask at once. Not knowing (the database away) leaves
 * the guard to ask itself.
 */
async function pageLoadClock(sessionId: string): Promise<SessionClock | null> {
  const requestHeaders = await headers();
  if (requestHeaders.has("rsc") || requestHeaders.has("next-router-prefetch")) return null;
  try {
    return await sessionClock(await getDb(), sessionId, { touch: true });
  } catch {
    return null;
  }
}

/** The zone the reader's browser last told us (components/ui/local-date.tsx), else UTC. */
async function datesZone(): Promise<string> {
  const told = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return told && isTimeZone(told) ? told : "UTC";
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [session, locale, t, zone] = await Promise.all([getSession(), getLocale(), getTranslations("layout"), datesZone()]);
  const clock = session ? await pageLoadClock(session.sessionId) : null;
  const languages: AnyLocale[] = config().pseudoLocale ? [...LOCALES, PSEUDO_LOCALE] : [...LOCALES];
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <ClientMessages>
          <DatesWrittenIn zone={zone}>
            <a
              href="#main"
              className="sr-only rounded-lg bg-white px-4 py-2 font-semibold focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
            >
              {t("skipToMain")}
            </a>
            <div className="print:hidden">
              <SiteHeader user={session?.user ?? null} languages={languages} />
            </div>
            <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-4 focus:outline-none sm:py-8 print:p-0">
              {children}
            </main>
            {/* Idle warning and the end of a session (signed-in pages only). */}
            {session && <SessionGuard clock={clock} />}
            <footer className="border-t border-slate-200 bg-white print:hidden">
              <div className="mx-auto max-w-5xl px-4 py-4 text-sm text-muted">
                <p>{t("notMedicalAdvice")}</p>
                <FooterLinks />
              </div>
            </footer>
          </DatesWrittenIn>
        </ClientMessages>
      </body>
    </html>
  );
}
