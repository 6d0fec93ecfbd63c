"use client";
import { useTranslations } from "next-intl";
import { RevealPanel } from "@/components/forms/reveal-panel";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { LocalDate } from "@/components/ui/local-date";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import type { CallView } from "@/lib/opinion";
import { onDemand } from "@/components/ui/on-demand";

const CallForm = onDemand(() => import("./call-form").then((m) => m.CallForm));

/** The form keeps the date as the text of a date input. Built when the form first validates (lazyZodResolver). */
/** Calls with the insurer or the clinic about this opinion, newest first, and a form to log one. */
export function CallLog({
  caseId,
  opinionId,
  calls,
  canEdit,
}: {
  caseId: string;
  opinionId: string;
  calls: CallView[];
  canEdit: boolean;
}) {
  const t = useTranslations("opinions.calls");
  return (
    <div className="flex flex-col gap-4">
      {calls.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ol aria-label={t("listLabel")} className="flex flex-col gap-3">
          {calls.map((call) => (
            <CallItem key={call.id} caseId={caseId} call={call} canEdit={canEdit} />
          ))}
        </ol>
      )}
      {canEdit && (
        <RevealPanel openLabel={t("log")} closeLabel={t("closeForm")}>
          {(close) => <CallForm caseId={caseId} opinionId={opinionId} onDone={close} />}
        </RevealPanel>
      )}
    </div>
  );
}

function CallItem({ caseId, call, canEdit }: { caseId: string; call: CallView; canEdit: boolean }) {
  const t = useTranslations("opinions.calls");
  const client = useTRPCClient();
  const remove = useCaseMutation(client.opinion.deleteCall.mutate);

  return (
    <li className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
      <p className="font-semibold">
        {t.rich("heading", { who: call.who, date: () => <LocalDate date={call.calledAt} /> })}
      </p>
      <dl className="flex flex-col gap-1">
        <div className="flex flex-wrap gap-x-2">
          <dt className="font-semibold">{t("reference")}</dt>
          <dd className="break-all">{call.reference || <span className="text-muted">{t("noReference")}</span>}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("said")}</dt>
          <dd className="whitespace-pre-wrap break-words">{call.summary || <span className="text-muted">{t("notWritten")}</span>}</dd>
        </div>
      </dl>
      <p className="text-sm text-muted">{call.authorName ? t("loggedBy", { name: call.authorName }) : t("loggedByFormer")}</p>
      {canEdit && (
        <ConfirmAction
          label={t.rich("remove", { who: call.who, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
          danger
          question={
            <p>{t.rich("removeQuestion", { who: call.who, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          }
          confirmLabel={t("removeConfirm")}
          busyLabel={t("removing")}
          busy={remove.busy || remove.succeeded}
          error={remove.message}
          onConfirm={() => remove.run({ caseId, callId: call.id })}
        />
      )}
    </li>
  );
}
