import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/account/auth-page";
import { Notice } from "@/components/ui/notice";
import { getSession } from "@/server/auth";
import { consumeLink } from "@/server/auth/email-links";
import { markProof, RECENT_PROOF_MINUTES } from "@/server/auth/recent-proof";
import { getDb } from "@/server/database/connection";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("confirmPage.title") };
}

/**
 * Where a "confirm it's you" email link lands. It works only in the signed-in browser that asked for
 * it (the link names that session), so opening it elsewhere proves nothing.
 */
export default async function ConfirmByEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  await connection();
  const { token } = await searchParams;
  const session = await getSession();
  if (!session) redirect("/sign-in?callbackUrl=/account");
  const db = await getDb();
  const used = token && token.length <= 200 ? await consumeLink(db, "confirm", token, undefined, session.sessionId) : null;
  if (used) await markProof(db, session.sessionId);
  const t = await getTranslations("account");
  return (
    <AuthPage title={t("confirmPage.title")}>
      <Notice tone={used ? "success" : "caution"}>
        <p>{used ? t("confirmPage.confirmed", { minutes: RECENT_PROOF_MINUTES }) : t("confirmPage.notUsable")}</p>
        <p className="mt-2">
          <Link href="/account">{t("confirmPage.back")}</Link>
        </p>
      </Notice>
    </AuthPage>
  );
}
