import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SessionGuard } from "@/components/account/session-guard";
import { SiteHeader } from "@/components/layout/site-header";
import { getSession } from "@/server/auth";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "SecondLook", template: "%s · SecondLook" },
  description: "A shared, private workspace for preparing, comparing and reflecting on a second medical opinion.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only rounded-lg bg-white px-4 py-2 font-semibold focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
        >
          Skip to main content
        </a>
        <div className="print:hidden">
          <SiteHeader user={session?.user ?? null} />
        </div>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-4 focus:outline-none sm:py-8 print:p-0">
          {children}
        </main>
        {/* Idle warning and the end of a session (signed-in pages only). */}
        {session && <SessionGuard />}
        <footer className="border-t border-slate-200 bg-white print:hidden">
          <p className="mx-auto max-w-5xl px-4 py-4 text-sm text-muted">
            SecondLook helps you organise and reflect. It does not give medical advice. In an emergency, call your
            local emergency number.
          </p>
        </footer>
      </body>
    </html>
  );
}
