import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SessionGuard } from "@/components/account/session-guard";
import { SiteHeader } from "@/components/layout/site-header";
import { FooterLinks } from "@/components/legal/footer-links";
import { LOCALES, PSEUDO_LOCALE, type AnyLocale } from "@/lib/i18n/locales";
import { SERVER_ONLY_NAMESPACES } from "@/lib/i18n/namespaces";
import { getSession } from "@/server/auth";
import { config } from "@/server/env";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("layout");
  return { title: { default: "SecondLook", template: "%s · SecondLook" }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [session, locale, messages, t] = await Promise.all([getSession(), getLocale(), getMessages(), getTranslations("layout")]);
  // The browser gets the namespaces its components use, not the emails', PDFs' or server-only pages'.
  const clientMessages = Object.fromEntries(
    Object.entries(messages).filter(([namespace]) => !(SERVER_ONLY_NAMESPACES as readonly string[]).includes(namespace)),
  );
  const languages: AnyLocale[] = config().pseudoLocale ? [...LOCALES, PSEUDO_LOCALE] : [...LOCALES];
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <NextIntlClientProvider locale={locale} messages={clientMessages}>
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
          {session && <SessionGuard />}
          <footer className="border-t border-slate-200 bg-white print:hidden">
            <div className="mx-auto max-w-5xl px-4 py-4 text-sm text-muted">
              <p>{t("notMedicalAdvice")}</p>
              <FooterLinks />
            </div>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
