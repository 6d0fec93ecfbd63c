import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { DigestSetting } from "@/components/account/digest-setting";
import { PasswordSetting } from "@/components/account/password-setting";
import { TwoStepSetting } from "@/components/account/two-step-setting";
import { SignedInDevices } from "@/components/account/signed-in-devices";
import { PasskeysSection } from "@/components/account/passkeys-section";
import { LanguageSetting } from "@/components/account/language-setting";
import { LOCALES, PSEUDO_LOCALE } from "@/lib/i18n/locales";
import { getSession } from "@/server/auth";
import { config } from "@/server/env";
import { api } from "@/server/caller";

export const metadata: Metadata = { title: "Your account" };

/** The signed-in person's account: who they are, the email digest, the password, and deleting the account (with a clear warning first). */
export default async function AccountPage() {
  const session = await getSession();
  if (!session) redirect("/sign-in?callbackUrl=/account");
  const caller = await api();
  const [{ ownedCases }, cases, password, sessions] = await Promise.all([
    caller.account.deletionPreview(),
    caller.case.list(),
    caller.password.status(),
    caller.session.list(),
  ]);
  const memberOf = cases.filter((c) => c.role !== "owner").length;

  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <div>
        <h1 className="text-3xl font-bold">Your account</h1>
        <p className="mt-2 text-lg">
          {session.user.name} · {session.user.email}
        </p>
      </div>

      <LanguageSetting languages={config().pseudoLocale ? [...LOCALES, PSEUDO_LOCALE] : LOCALES} />

      <DigestSetting />

      <TwoStepSetting />

      {password.hasPassword && (
        <section aria-labelledby="change-password-title" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="change-password-title" className="text-2xl font-semibold">
            Change your password
          </h2>
          <ChangePasswordForm />
        </section>
      )}

      <PasswordSetting />

      <section aria-labelledby="devices-title" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="devices-title" className="text-2xl font-semibold">
          Where you&apos;re signed in
        </h2>
        <p>If you see a device you do not know, sign it out and change your password.</p>
        <SignedInDevices sessions={sessions} />
      </section>
      <PasskeysSection />

      <section aria-labelledby="delete-account-title" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="delete-account-title" className="text-2xl font-semibold">
          Delete your account
        </h2>
        <p>
          Deleting your account signs you out everywhere and cannot be undone. You will not be able to sign in again
          with this email address unless you create a new account.
        </p>
        {ownedCases.length > 0 ? (
          <div className="flex flex-col gap-2 rounded-lg border-2 border-caution bg-caution-bg p-4">
            <p className="font-semibold">
              {ownedCases.length === 1
                ? "The case you own will be deleted, with everything in it, for every member:"
                : `The ${ownedCases.length} cases you own will be deleted, with everything in them, for every member:`}
            </p>
            <ul className="ml-6 list-disc">
              {ownedCases.map((c) => (
                <li key={c.id}>
                  <strong>{c.title}</strong> —{" "}
                  {c.otherMembers === 0
                    ? "only you are in it."
                    : `${c.otherMembers} other ${c.otherMembers === 1 ? "person is" : "people are"} in it and will lose it too. `}
                  {c.otherMembers > 0 && (
                    <Link href={`/cases/${c.id}/sharing`}>Hand over ownership of {c.title} first</Link>
                  )}
                </li>
              ))}
            </ul>
            <p>To keep a case going, hand it over to another member under its Sharing &amp; settings first.</p>
          </div>
        ) : (
          <p>You do not own any cases, so no case will be deleted.</p>
        )}
        {memberOf > 0 && (
          <p>
            You will also leave the {memberOf === 1 ? "case" : `${memberOf} cases`} other people shared with you. What you
            wrote there stays for them, shown as written by a former member.
          </p>
        )}
        <DeleteAccountForm ownedCount={ownedCases.length} hasPassword={password.hasPassword} />
      </section>
    </div>
  );
}
