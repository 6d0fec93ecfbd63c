import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export const metadata: Metadata = { title: "This case asks for two-step sign-in" };

/**
 * The lock screen: every page of a case whose owner requires two-step sign-in comes here for a member
 * who has not set it up (app/cases/[caseId]/load-case.ts). It names no case: it is only reached by
 * members, but says nothing that needs the case.
 */
export default function CaseLockedPage() {
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-5">
      <h1 className="text-3xl font-bold">This case asks for two-step sign-in</h1>
      <p className="text-lg">
        To keep the health information in this case safer, its owner asks everyone in it to sign in with two steps: your
        password or an emailed link, and then a code from an authenticator app on your phone.
      </p>
      <p className="text-lg">
        You have not set up two-step sign-in yet, so the case stays locked for you. Nothing in it has changed, and you
        are still a member. It takes about two minutes.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/account#two-step-title" className={buttonClasses("primary")}>
          Set up two-step sign-in
        </Link>
        <Link href="/cases" className={buttonClasses("secondary")}>
          Back to my cases
        </Link>
      </div>
    </div>
  );
}
