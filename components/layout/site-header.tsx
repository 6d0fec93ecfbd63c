import Link from "next/link";
import { getSession } from "@/server/auth";
import { AccountMenu } from "@/components/account/account-menu";

export async function SiteHeader() {
  const session = await getSession();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href={session ? "/cases" : "/"} className="text-xl font-bold text-brand-700 no-underline">
          SecondLook
        </Link>
        <nav aria-label="Account">
          {session ? (
            <AccountMenu name={session.user.name} email={session.user.email} />
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
