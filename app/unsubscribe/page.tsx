import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/server/database/connection";
import { unsubscribeByLink } from "@/server/digest/digest";

export const metadata: Metadata = { title: "Email digest" };

/** The digest's "stop these emails" link: works without signing in, and at the first click. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ u?: string; t?: string }> }) {
  const { u = "", t = "" } = await searchParams;
  const ok = await unsubscribeByLink(await getDb(), u, t);
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-3xl font-bold">{ok ? "You will get no more digests" : "This link does not work"}</h1>
      {ok ? (
        <p>We have turned off the daily email digest for your account. You can turn it on again on your account page.</p>
      ) : (
        <p>The link may have been cut short when it was copied. Sign in and turn the digest off on your account page instead.</p>
      )}
      <p>
        <Link href="/account">Go to your account</Link>
      </p>
    </div>
  );
}
