"use client";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ToggleButton } from "@/components/ui/toggle-button";

/** The owner's switch: require two-step sign-in of everyone in the case (they must have it themselves). */
export function TwoStepRequirement({ caseId, required, ownerHasTwoStep }: { caseId: string; required: boolean; ownerHasTwoStep: boolean }) {
  const t = useTranslations("cases.twoStep");
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
      <p>{t("explain")}</p>
      {!ownerHasTwoStep && !on ? (
        <p>{t.rich("setUpFirst", { link: (words) => <Link href="/account">{words}</Link> })}</p>
      ) : (
        <div>
          <ToggleButton pressed={on} disabled={save.busy} onClick={() => void toggle()}>
            {t("toggle")}
          </ToggleButton>
        </div>
      )}
      <p role="status" className="text-sm text-muted">
        {save.message ?? (save.succeeded ? (on ? t("savedOn") : t("savedOff")) : "")}
      </p>
    </div>
  );
}
