"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { InlineError } from "@/components/ui/inline-error";

/** A supporter or viewer leaves the case, after confirming. */
export function LeaveCase({ caseId, caseTitle }: { caseId: string; caseTitle: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  useReturnFocus(confirming, toggle);
  const [error, setError] = useState<string | null>(null);
  const leave = useMutation(trpc.member.leave.mutationOptions());

  const onConfirm = () => {
    setError(null);
    leave.mutate(
      { caseId },
      {
        onSuccess: () => {
          router.push("/cases");
          router.refresh();
        },
        onError: (e) => {
          setError(actionErrorMessage(e));
          setConfirming(false);
        },
      },
    );
  };

  return (
    <div className="flex flex-col gap-2">
      {confirming ? (
        <ConfirmStep
          danger
          question={
            <p>
              Leave <strong>{caseTitle}</strong>? You will no longer see anything in it. To come back, the owner would
              need to invite you again.
            </p>
          }
          confirmLabel="Yes, leave this case"
          busyLabel="Leaving…"
          busy={leave.isPending || leave.isSuccess}
          onConfirm={onConfirm}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div>
          <Button ref={toggle} variant="secondary" onClick={() => setConfirming(true)}>
            Leave this case
          </Button>
        </div>
      )}
      <InlineError message={error} />
    </div>
  );
}
