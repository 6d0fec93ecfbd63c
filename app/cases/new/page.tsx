import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NewCaseForm } from "@/components/case/new-case-form";
import { buttonClasses } from "@/components/ui/button";
import { getSession } from "@/server/auth";

export const metadata: Metadata = { title: "Start a new case" };

export default async function NewCasePage() {
  if (!(await getSession())) redirect("/sign-in?callbackUrl=/cases/new");
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold">Start a new case</h1>
        <p className="mt-2 text-muted">
          A case is a private workspace for one health decision. Only you can see it until you invite someone. Write as
          much or as little as you like: you can change all of this later.
        </p>
      </div>
      <section aria-labelledby="self-check-offer" className="flex flex-col gap-3 rounded-xl border-l-4 border-brand-600 bg-brand-50 p-5">
        <h2 id="self-check-offer" className="text-xl font-semibold">
          Not sure yet whether a second opinion is worth it?
        </h2>
        <p>
          Start with a short self-check: a few questions about your situation, with a plain summary. It takes about two
          minutes, and your answers are saved with the case.
        </p>
        <div>
          <Link href="/cases/new/self-check" className={buttonClasses("primary")}>
            Start with a short self-check
          </Link>
        </div>
      </section>
      <section aria-labelledby="case-details-title" className="flex flex-col gap-3">
        <h2 id="case-details-title" className="text-xl font-semibold">
          Or go straight to the case details
        </h2>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <NewCaseForm />
        </div>
      </section>
    </div>
  );
}
