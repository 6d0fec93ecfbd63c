import Link from "next/link";
import { AccountMenu } from "@/components/account/account-menu";

/** The site's header; `user` is the signed-in person, or null (the root layout reads the session). */
export function SiteHeader({ user }: { user: { id: string; name: string; email: string } | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2 sm:py-3">
        <Link href={user ? "/cases" : "/"} className="text-xl font-bold text-brand-700 no-underline">
          SecondLook
        </Link>
        <nav aria-label="Account">
          {user ? (
            <AccountMenu userId={user.id} name={user.name} email={user.email} />
          ) : (
            <ul className="flex items-center gap-4">
              <li>
                <Link href="/sign-in">Sign in</Link>
              </li>
              <li>
                <Link href="/sign-up">Create account</Link>
              </li>
            </ul>
          )}
        </nav>
      </div>
    </header>
  );
}
