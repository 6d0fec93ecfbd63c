"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ConfirmAction } from "@/components/ui/confirm-action";

/** A supporter or viewer leaves the case, after confirming. */
export function LeaveCase({ caseId, caseTitle }: { caseId: string; caseTitle: string }) {
  const t = useTranslations("sharing.leave");
  const client = useTRPCClient();
  const router = useRouter();
  const leave = useCaseMutation(client.member.leave.mutate, { refresh: false });

  return (
    <ConfirmAction
      label={t("button")}
      danger
      question={<p>{t.rich("question", { title: caseTitle, strong: (words) => <strong>{words}</strong> })}</p>}
      confirmLabel={t("confirm")}
      busyLabel={t("leaving")}
      busy={leave.busy}
      error={leave.message}
      onConfirm={async () => {
        const left = await leave.run({ caseId });
        if (left.ok) {
          router.push("/cases");
          router.refresh();
        }
        return left;
      }}
    />
  );
}
