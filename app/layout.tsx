import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SessionGuard } from "@/components/account/session-guard";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SiteHeader } from "@/components/layout/site-header";
import { FooterLinks } from "@/components/legal/footer-links";
import { LOCALES, PSEUDO_LOCALE, type AnyLocale } from "@/lib/i18n/locales";
import { getSession } from "@/server/auth";
import { config } from "@/server/env";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("layout");
  return { title: { default: "SecondLook", template: "%s · SecondLook" }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [session, locale, t] = await Promise.all([getSession(), getLocale(), getTranslations("layout")]);
  const languages: AnyLocale[] = config().pseudoLocale ? [...LOCALES, PSEUDO_LOCALE] : [...LOCALES];
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <ClientMessages>
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
        </ClientMessages>
      </body>
    </html>
  );
}
