import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/server/database/connection";
import { unsubscribeByLink } from "@/server/digest/digest";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("digest.unsubscribe");
  return { title: t("title") };
}

/** The digest's "stop these emails" link: works without signing in, and at the first click. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ u?: string; t?: string }> }) {
  const { u = "", t: token = "" } = await searchParams;
  const [ok, t] = await Promise.all([getDb().then((db) => unsubscribeByLink(db, u, token)), getTranslations("digest.unsubscribe")]);
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-3xl font-bold">{ok ? t("doneTitle") : t("badTitle")}</h1>
      <p>{ok ? t("doneBody") : t("badBody")}</p>
      <p>
        <Link href="/account">{t("toAccount")}</Link>
      </p>
    </div>
  );
}
