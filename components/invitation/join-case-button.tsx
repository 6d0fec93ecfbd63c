"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";

/** Accepts the invitation for the signed-in person, then opens the case. */
export function JoinCaseButton({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: ({ caseId }) => {
        router.push(`/cases/${caseId}`);
        router.refresh();
      },
    }),
  );
  const busy = accept.isPending || accept.isSuccess;
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button disabled={busy} onClick={() => accept.mutate({ token })}>
          {busy ? "Joining…" : "Join the case"}
        </Button>
      </div>
      <p role="alert" className="font-semibold text-danger empty:hidden">
        {accept.isError ? actionErrorMessage(accept.error) : ""}
      </p>
    </div>
  );
}
