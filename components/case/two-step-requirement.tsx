"use client";
import Link from "next/link";
import { useState } from "react";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ToggleButton } from "@/components/ui/toggle-button";

/** The owner's switch: require two-step sign-in of everyone in the case (they must have it themselves). */
export function TwoStepRequirement({ caseId, required, ownerHasTwoStep }: { caseId: string; required: boolean; ownerHasTwoStep: boolean }) {
  const client = useTRPCClient();
  const [on, setOn] = useState(required);
  const save = useCaseMutation(client.twoStep.setCaseRequirement.mutate);

  async function toggle() {
    const result = await save.run({ caseId, required: !on });
    // An old proof opens the "Confirm it's you" dialog, and the change is sent again after it.
    if (result.ok) setOn(result.data.required);
    else save.setMessage(actionErrorMessage(result.error));
  }

  return (
    <div className="flex flex-col gap-3">
      <p>
        When this is on, everyone in the case must sign in with two steps (a password or emailed link, and a code from an
        authenticator app) to open it. Members who have not set it up see the case as locked, with a button to set it up.
      </p>
      {!ownerHasTwoStep && !on ? (
        <p>
          To require it of others, first <Link href="/account">set up two-step sign-in for yourself</Link>.
        </p>
      ) : (
        <div>
          <ToggleButton pressed={on} disabled={save.busy} onClick={() => void toggle()}>
            Require two-step sign-in for everyone in this case
          </ToggleButton>
        </div>
      )}
      <p role="status" className="text-sm text-muted">
        {save.message ?? (save.succeeded ? (on ? "Saved: two-step sign-in is now required." : "Saved: two-step sign-in is no longer required.") : "")}
      </p>
    </div>
  );
}
