"use client";
import { useRouter } from "next/navigation";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ConfirmAction } from "@/components/ui/confirm-action";

/** A supporter or viewer leaves the case, after confirming. */
export function LeaveCase({ caseId, caseTitle }: { caseId: string; caseTitle: string }) {
  const client = useTRPCClient();
  const router = useRouter();
  const leave = useCaseMutation(client.member.leave.mutate, { refresh: false });

  return (
    <ConfirmAction
      label="Leave this case"
      danger
      question={
        <p>
          Leave <strong>{caseTitle}</strong>? You will no longer see anything in it. To come back, the owner would need
          to invite you again.
        </p>
      }
      confirmLabel="Yes, leave this case"
      busyLabel="Leaving…"
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
