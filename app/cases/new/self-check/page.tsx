import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NewCaseSelfCheck } from "@/components/self-check/new-case-self-check";
import { getSession } from "@/server/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases.new"))("withSelfCheckTitle") };
}

export default async function NewCaseSelfCheckPage() {
  if (!(await getSession())) redirect("/sign-in?callbackUrl=/cases/new/self-check");
  const t = await getTranslations("cases.new");
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <NewCaseSelfCheck />
    </div>
  );
}
