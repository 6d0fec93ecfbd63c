import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { TRPCError } from "@trpc/server";
import { JoinCaseButton } from "@/components/invitation/join-case-button";
import { LocalDate } from "@/components/ui/local-date";
import { buttonClasses } from "@/components/ui/button";
import { getSession } from "@/server/auth";
import { signOutAndGoTo } from "@/server/auth/actions";
import { api } from "@/server/caller";
import { ROLE_LABELS } from "@/lib/member";
import { ACCESS_LOG_NOTICE } from "@/lib/vocabulary/access-log";

export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

const ASK_AGAIN = "Ask the person who invited you to send a new one.";

const CLOSED: Record<"invalid" | "expired" | "revoked" | "accepted", { title: string; text: string }> = {
  invalid: {
    title: "This invitation link is not valid",
    text: `It may have been copied only in part, or a newer link may have replaced it. ${ASK_AGAIN}`,
  },
  expired: {
    title: "This invitation link has expired",
    text: `Invitation links work for 7 days, to keep the case private. ${ASK_AGAIN}`,
  },
  revoked: {
    title: "This invitation was withdrawn",
    text: "The person who sent it has cancelled it. If you think that was a mistake, ask them to send a new one.",
  },
  accepted: {
    title: "This invitation has already been used",
    text: "Each invitation link works once. If you accepted it, you will find the case under My cases. If not, ask the person who invited you to send a new one.",
  },
};

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
  const [invitation, session] = await Promise.all([preview(token), getSession()]);

  if (invitation.status !== "pending") {
    const closed = CLOSED[invitation.status];
    return (
      <Frame title={closed.title}>
        <p className="text-lg">{closed.text}</p>
        <p>
          {session ? <Link href="/cases">Go to My cases</Link> : <Link href="/">Go to the start page</Link>}
        </p>
      </Frame>
    );
  }

  const here = `/invitations/${encodeURIComponent(token)}`;
  const withCallback = (pathname: "/sign-in" | "/sign-up") => ({ pathname, query: { callbackUrl: here } });
  const role = ROLE_LABELS[invitation.role];
  const inviter = invitation.inviterFirstName ?? "Someone";

  return (
    <Frame title="You are invited to a case">
      <div className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-6">
        <p className="text-lg">
          <strong>{inviter}</strong> invited you to join <strong className="break-words">{invitation.caseTitle}</strong>{" "}
          on SecondLook as a <strong>{role.name.toLowerCase()}</strong>.
        </p>
        <p className="text-muted">
          {role.name}: {role.description}
        </p>
        <p>{ACCESS_LOG_NOTICE}</p>
        {invitation.message && (
          <figure className="rounded-lg border-l-4 border-brand-600 bg-brand-50 p-4">
            <figcaption className="font-semibold">Their message</figcaption>
            <blockquote className="mt-1 whitespace-pre-wrap break-words">{invitation.message}</blockquote>
          </figure>
        )}
        <p>
          This invitation is for the email address it was sent to, and works until <LocalDate date={invitation.expiresAt} />.
        </p>
      </div>

      {!session && (
        <div className="flex flex-col gap-3">
          <p>
            To join, create a SecondLook account with the email address this invitation was sent to, or sign in if you
            already have one with that address.
          </p>
          <div className="flex flex-wrap gap-3">
            <Link href={withCallback("/sign-up")} className={buttonClasses("primary")}>
              Create an account
            </Link>
            <Link href={withCallback("/sign-in")} className={buttonClasses("secondary")}>
              Sign in
            </Link>
          </div>
        </div>
      )}

      {session && invitation.forYou && <JoinCaseButton token={token} />}

      {session && !invitation.forYou && (
        <div className="flex flex-col gap-3 rounded-lg border-l-4 border-caution bg-caution-bg p-4">
          <p>
            This invitation was sent to a different email address than the one you are signed in with (
            <strong className="break-all">{session.user.email}</strong>).
          </p>
          <p>To accept it, sign out and then sign in (or create an account) with the address it was sent to.</p>
          <form action={signOutAndGoTo.bind(null, `/sign-in?${new URLSearchParams(withCallback("/sign-in").query)}`)}>
            <button type="submit" className={buttonClasses("primary")}>
              Sign out and continue
            </button>
          </form>
        </div>
      )}
    </Frame>
  );
}
