import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TRPCError } from "@trpc/server";
import { JoinCaseButton } from "@/components/invitation/join-case-button";
import { LocalDate } from "@/components/ui/local-date";
import { buttonClasses } from "@/components/ui/button";
import { getSession } from "@/server/auth";
import { signOutAndGoTo } from "@/server/auth/actions";
import { api } from "@/server/caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sharing.invitation"))("metaTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ token: string }> };


function Frame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-5">
      <h1 className="break-words text-3xl font-bold">{title}</h1>
      {children}
    </div>
  );
}

async function preview(token: string) {
  try {
    return await (await api()).invitation.preview({ token });
  } catch (error) {
    // A token too long to be real is simply not valid.
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") return { status: "invalid" as const };
    throw error;
  }
}

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const [invitation, session, t, roles, sharing, common] = await Promise.all([
    preview(token),
    getSession(),
    getTranslations("sharing.invitation"),
    getTranslations("sharing.roles"),
    getTranslations("sharing"),
    getTranslations("common"),
  ]);

  if (invitation.status !== "pending") {
    const state = invitation.status;
    return (
      <Frame title={t(`${state}Title`)}>
        <p className="text-lg">{t(`${state}Text`)}</p>
        <p>{session ? <Link href="/cases">{t("goToCases")}</Link> : <Link href="/">{t("goToStart")}</Link>}</p>
      </Frame>
    );
  }

  const here = `/invitations/${encodeURIComponent(token)}`;
  const withCallback = (pathname: "/sign-in" | "/sign-up") => ({ pathname, query: { callbackUrl: here } });
  const inviter = invitation.inviterFirstName ?? common("someone");

  return (
    <Frame title={t("title")}>
      <div className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6">
        <p className="text-lg">
          {t.rich("invited", {
            inviter,
            caseTitle: invitation.caseTitle,
            role: invitation.role,
            strong: (words) => <strong>{words}</strong>,
            case: (words) => <strong className="break-words">{words}</strong>,
          })}
        </p>
        <p className="text-muted">
          {t("roleLine", { role: roles(`${invitation.role}.name`), description: roles(`${invitation.role}.description`) })}
        </p>
        <p>{sharing("accessLogNotice")}</p>
        {invitation.message && (
          <figure className="rounded-lg border-l-4 border-brand-600 bg-brand-50 p-4">
            <figcaption className="font-semibold">{t("theirMessage")}</figcaption>
            <blockquote className="mt-1 whitespace-pre-wrap break-words">{invitation.message}</blockquote>
          </figure>
        )}
        <p>{t.rich("validUntil", { date: () => <LocalDate date={invitation.expiresAt} /> })}</p>
      </div>

      {!session && (
        <div className="flex flex-col gap-3">
          <p>{t("signInToJoin")}</p>
          <div className="flex flex-wrap gap-3">
            <Link href={withCallback("/sign-up")} className={buttonClasses("primary")}>
              {t("createAccount")}
            </Link>
            <Link href={withCallback("/sign-in")} className={buttonClasses("secondary")}>
              {t("signIn")}
            </Link>
          </div>
        </div>
      )}

      {session && invitation.forYou && <JoinCaseButton token={token} />}

      {session && !invitation.forYou && (
        <div className="flex flex-col gap-3 rounded-lg border-l-4 border-caution bg-caution-bg p-4">
          <p>
            {t.rich("otherAddress", {
              email: session.user.email,
              address: (words) => <strong className="break-all">{words}</strong>,
            })}
          </p>
          <p>{t("otherAddressHow")}</p>
          <form action={signOutAndGoTo.bind(null, `/sign-in?${new URLSearchParams(withCallback("/sign-in").query)}`)}>
            <button type="submit" className={buttonClasses("primary")}>
              {t("signOutContinue")}
            </button>
          </form>
        </div>
      )}
    </Frame>
  );
}
