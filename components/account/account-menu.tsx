"use client";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { clearUserDrafts } from "@/components/forms/drafts";
import { useDisclosure } from "@/components/ui/use-disclosure";
import { signOutAction, signOutEverywhereAction } from "@/server/auth/actions";

/** The signed-in person's name; opens a small panel with their account page and sign-out choices (a disclosure, not an ARIA menu). */
export function AccountMenu({ userId, name, email }: { userId: string; name: string; email: string }) {
  const t = useTranslations("account.menu");
  const { root, close, buttonProps, panelProps } = useDisclosure();

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-label={t("label", { name })}
        {...buttonProps}
        className="flex min-h-11 items-center gap-2 rounded-lg px-3 py-2 font-semibold hover:bg-slate-100"
      >
        {/* The initial is drawn by CSS, so the button's visible text is just the name (its accessible name starts with it). */}
        <span
          aria-hidden="true"
          data-initial={name.trim().charAt(0).toUpperCase() || "?"}
          className="grid size-8 place-items-center rounded-full bg-brand-100 text-brand-800 before:content-[attr(data-initial)]"
        />
        <span className="max-w-[10rem] truncate">{name}</span>
      </button>
      <div
        {...panelProps}
        className="absolute right-0 z-10 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-4 shadow-lg"
      >
        <p className="font-semibold">{name}</p>
        <p className="truncate text-sm text-muted">{email}</p>
        <Link href="/account" onClick={close} className="mt-4 block rounded-lg px-4 py-2 font-semibold hover:bg-slate-100">
          {t("settings")}
        </Link>
        {/* Signing out on purpose takes this person's unsaved drafts off the device (components/forms/drafts.ts). */}
        <form action={signOutAction} onSubmit={() => clearUserDrafts(userId)} className="mt-2">
          <button type="submit" className="w-full rounded-lg border border-slate-300 px-4 py-2 text-left font-semibold hover:bg-slate-100">
            {t("signOut")}
          </button>
        </form>
        <form action={signOutEverywhereAction} onSubmit={() => clearUserDrafts(userId)} className="mt-2">
          <button type="submit" className="w-full rounded-lg px-4 py-2 text-left text-sm hover:bg-slate-100">
            {t("signOutEverywhere")}
          </button>
        </form>
      </div>
    </div>
  );
}
