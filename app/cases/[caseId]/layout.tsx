import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { CaseNav } from "@/components/case/case-nav";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LiveCase } from "@/components/live/live-case";
import { MemberAvatars } from "@/components/member/member-avatars";
import { DraftScope } from "@/components/forms/draft-scope";
import { TRPCProvider } from "@/components/trpc/trpc-provider";
import { getSession } from "@/server/auth";
import { config } from "@/server/env";
import { loadCase } from "./load-case";

/** The workspace shell: which case this is, who is in it, and its sections. Each page holds the h1. */
export default async function CaseLayout({ children, params }: { children: ReactNode; params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const theCase = await loadCase(caseId);
  const session = await getSession();
  const t = await getTranslations("cases.shell");
  // Three heartbeats per TTL: one lost request does not make a person vanish.
  const heartbeatMs = Math.round((config().presenceTtlSeconds * 1000) / 3);
  return (
    // The shell's words (and the checklist's and talking pages', which have no layout of their own); each
    // other section's layout sends its own.
    <ClientMessages namespaces={["cases.nav", "cases.sections", "cases.live"]}>
      <TRPCProvider>
        <div className="flex flex-col gap-4 sm:gap-6">
          {/* A page that prints (the records request letter) prints its own content only. */}
          <div className="flex flex-col gap-2 print:hidden sm:gap-4">
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="line-clamp-2 break-words text-lg font-bold sm:text-xl">
                  <span className="sr-only">{t("caseLabel")} </span>
                  {theCase.title}
                </p>
                <p className="truncate text-sm text-muted sm:text-base">{t("forPatient", { patient: theCase.patientName })}</p>
              </div>
              <MemberAvatars members={theCase.members} />
            </div>
            {session && <LiveCase caseId={theCase.id} userId={session.user.id} heartbeatMs={heartbeatMs} />}
            {theCase.archivedAt && (
              <div className="rounded-lg border-l-4 border-slate-500 bg-slate-100 p-4">
                <p className="font-semibold">{t("archivedTitle")}</p>
                <p className="text-muted">
                  {t("archivedKept")} {theCase.myRole === "owner" ? t("archivedOwner") : t("archivedOthers")}
                </p>
              </div>
            )}
            <CaseNav caseId={theCase.id} />
          </div>
          {/* Whose unsaved text the forms keep on this device (components/forms/use-draft.ts). */}
          <DraftScope userId={session?.user.id ?? null}>{children}</DraftScope>
        </div>
      </TRPCProvider>
    </ClientMessages>
  );
}
