import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { NotificationSettings } from "@/components/account/notification-settings";
import { CalendarFeedSetting } from "@/components/account/calendar-feed-setting";
import { PasswordSetting } from "@/components/account/password-setting";
import { TwoStepSetting } from "@/components/account/two-step-setting";
import { SignedInDevices } from "@/components/account/signed-in-devices";
import { PasskeysSection } from "@/components/account/passkeys-section";
import { LanguageSetting } from "@/components/account/language-setting";
import { LOCALES, PSEUDO_LOCALE } from "@/lib/i18n/locales";
import { getSession } from "@/server/auth";
import { config } from "@/server/env";
import { api } from "@/server/caller";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("page.title") };
}

/** The signed-in person's account: who they are, their email settings, the password, and deleting the account (with a clear warning first). */
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
  const t = await getTranslations("account");

  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <div>
        <h1 className="text-3xl font-bold">{t("page.title")}</h1>
        <p className="mt-2 text-lg">
          {session.user.name} · {session.user.email}
        </p>
      </div>

      <LanguageSetting languages={config().pseudoLocale ? [...LOCALES, PSEUDO_LOCALE] : LOCALES} />

      <NotificationSettings />

      <CalendarFeedSetting />

      <TwoStepSetting />

      {password.hasPassword && (
        <section aria-labelledby="change-password-title" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="change-password-title" className="text-2xl font-semibold">
            {t("page.changePasswordTitle")}
          </h2>
          <ChangePasswordForm />
        </section>
      )}

      <PasswordSetting />

      <section aria-labelledby="devices-title" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="devices-title" className="text-2xl font-semibold">
          {t("page.devicesTitle")}
        </h2>
        <p>{t("page.devicesIntro")}</p>
        <SignedInDevices sessions={sessions} />
      </section>
      <PasskeysSection />

      <section aria-labelledby="delete-account-title" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="delete-account-title" className="text-2xl font-semibold">
          {t("deletion.title")}
        </h2>
        <p>{t("deletion.warning")}</p>
        {ownedCases.length > 0 ? (
          <div className="flex flex-col gap-2 rounded-lg border-2 border-caution bg-caution-bg p-4">
            <p className="font-semibold">{t("deletion.ownedCases", { count: ownedCases.length })}</p>
            <ul className="ml-6 list-disc">
              {ownedCases.map((c) => (
                <li key={c.id}>
                  <strong>{c.title}</strong> —{" "}
                  {c.otherMembers === 0 ? (
                    t("deletion.onlyYou")
                  ) : (
                    <>
                      {t("deletion.othersLose", { count: c.otherMembers })}{" "}
                      <Link href={`/cases/${c.id}/sharing`}>{t("deletion.handOver", { title: c.title })}</Link>
                    </>
                  )}
                </li>
              ))}
            </ul>
            <p>{t("deletion.keepCase")}</p>
          </div>
        ) : (
          <p>{t("deletion.noOwnedCases")}</p>
        )}
        {memberOf > 0 && <p>{t("deletion.leaveShared", { count: memberOf })}</p>}
        <DeleteAccountForm ownedCount={ownedCases.length} hasPassword={password.hasPassword} />
      </section>
    </div>
  );
}
