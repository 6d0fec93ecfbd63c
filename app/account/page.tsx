import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DigestSetting } from "@/components/account/digest-setting";
import { getSession } from "@/server/auth";

export const metadata: Metadata = { title: "Your account" };

/** Account settings; for now the email digest. */
export default async function AccountPage() {
  const session = await getSession();
  if (!session) redirect("/sign-in?callbackUrl=/account");
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-bold">Your account</h1>
      <p>
        Signed in as <span className="font-semibold">{session.user.name}</span> ({session.user.email}).
      </p>
      <DigestSetting />
    </div>
  );
}
