"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";

/** Accepts the invitation for the signed-in person, then opens the case. */
export function JoinCaseButton({ token }: { token: string }) {
  const t = useTranslations("sharing.join");
  const client = useTRPCClient();
  const router = useRouter();
  // Not this page to refresh: the person goes on to the case.
  const accept = useCaseMutation(client.invitation.accept.mutate, { refresh: false });
  const busy = accept.busy || accept.succeeded;
  const join = async () => {
    const joined = await accept.run({ token });
    if (!joined.ok) return;
    router.push(`/cases/${joined.data.caseId}`);
    router.refresh();
  };
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button disabled={busy} onClick={() => void join()}>
          {busy ? t("joining") : t("button")}
        </Button>
      </div>
      <p role="alert" className="font-semibold text-danger empty:hidden">
        {accept.message ?? ""}
      </p>
    </div>
  );
}
