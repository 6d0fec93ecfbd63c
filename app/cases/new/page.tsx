import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NewCaseForm } from "@/components/new-case-form";
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
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <NewCaseForm />
      </div>
    </div>
  );
}
