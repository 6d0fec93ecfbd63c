import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NewCaseSelfCheck } from "@/components/self-check/new-case-self-check";
import { getSession } from "@/server/auth";

export const metadata: Metadata = { title: "Start a new case with a self-check" };

export default async function NewCaseSelfCheckPage() {
  if (!(await getSession())) redirect("/sign-in?callbackUrl=/cases/new/self-check");
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-bold">Start a new case</h1>
      <NewCaseSelfCheck />
    </div>
  );
}
