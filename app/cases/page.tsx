import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/server/auth";

export const metadata: Metadata = { title: "My cases" };

export default async function CasesPage() {
  const session = await getSession();
  if (!session) redirect("/sign-in?callbackUrl=/cases");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">My cases</h1>
      <section aria-labelledby="empty-title" className="rounded-xl border border-dashed border-slate-300 bg-white p-6">
        <h2 id="empty-title" className="text-xl font-semibold">
          Welcome, {session.user.name}
        </h2>
        <p className="mt-2 text-muted">
          You have no cases yet. A case is a private workspace for one health decision: your questions, records,
          notes and the opinions you gather, shared only with the people you invite.
        </p>
      </section>
    </div>
  );
}
