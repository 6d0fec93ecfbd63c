import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AuthPage } from "@/components/account/auth-page";
import { Notice } from "@/components/ui/notice";
import { getSession } from "@/server/auth";
import { consumeLink } from "@/server/auth/email-links";
import { markProof } from "@/server/auth/recent-proof";
import { getDb } from "@/server/database/connection";

export const metadata: Metadata = { title: "Confirm it's you" };

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
  return (
    <AuthPage title="Confirm it's you">
      {used ? (
        <Notice tone="success">
          <p>Thank you: you have confirmed it&apos;s you. For the next 10 minutes you can change your security settings.</p>
          <p className="mt-2">
            <Link href="/account">Back to your account</Link>
          </p>
        </Notice>
      ) : (
        <Notice tone="caution">
          <p>
            This link has expired, was already used, or was asked for in another browser. Open it in the browser where you
            asked for it, or ask for a new one from your account page.
          </p>
          <p className="mt-2">
            <Link href="/account">Back to your account</Link>
          </p>
        </Notice>
      )}
    </AuthPage>
  );
}
