"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { ToggleButton } from "@/components/ui/toggle-button";

/** Opting in or out of the daily email digest; saves at once and says so. */
export function DigestSetting() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setting = useQuery(trpc.digest.setting.queryOptions());
  const save = useMutation(
    trpc.digest.set.mutationOptions({ onSuccess: (data) => queryClient.setQueryData(trpc.digest.setting.queryKey(), data) }),
  );
  const optIn = setting.data?.optIn ?? false;
  return (
    <section aria-labelledby="digest-title" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="digest-title" className="text-xl font-semibold">
        Daily email digest
      </h2>
      <p className="text-muted">
        Once a day, an email listing what others changed in your cases: who, and a short summary. Private items of
        others are never included. Off unless you turn it on.
      </p>
      {setting.data && !setting.data.mailConfigured ? (
        <p>This SecondLook server does not send email, so the digest is not available.</p>
      ) : (
        <div>
          <ToggleButton pressed={optIn} disabled={!setting.data || save.isPending} onClick={() => save.mutate({ optIn: !optIn })}>
            Email me a daily digest
          </ToggleButton>
        </div>
      )}
      <p role="status" className="text-sm text-muted">
        {save.isSuccess ? (optIn ? "Saved: the digest is on." : "Saved: the digest is off.") : save.isError ? "That did not save. Please try again." : ""}
      </p>
    </section>
  );
}
