"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { summaryErrors } from "@/components/forms/form-errors";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { TInviteFields } from "@/lib/invitation";
import { INVITABLE_ROLES } from "@/lib/vocabulary/member";
import { InvitationLink } from "./invitation-link";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

const FIELDS = ["email", "role", "message"] as const;

type Issued = { link: string; email: string; emailed: boolean };

/** The owner invites someone by email; the link is shown to copy, whether or not it was emailed. */
export function InviteForm({ caseId }: { caseId: string }) {
  const client = useTRPCClient();
  const t = useTranslations("sharing.invite");
  const roles = useTranslations("sharing.roles");
  const [issued, setIssued] = useState<Issued | null>(null);
  const form = useForm<TInviteFields>({
    resolver: lazyZodResolver(() => import("@/lib/invitation").then((m) => m.ZInviteFields)),
    defaultValues: { email: "", role: "supporter", message: "" },
    shouldFocusError: false,
  });
  const create = useCaseMutation(client.invitation.create.mutate);
  const draft = useDraft(form, { caseId, name: "invitation", fields: ["email", "message"] });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setIssued(null);
    const result = await create.run({ caseId, ...values }, { form: { setError: form.setError, fields: FIELDS } });
    if (!result.ok) return;
    setIssued({ link: result.data.link, emailed: result.data.emailed, email: values.email });
    form.reset();
    draft.saved();
  });

  return (
    <div className="flex flex-col gap-5">
      {issued && <InvitationLink {...issued} />}
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        <ErrorSummary
          errors={summaryErrors(errors, { email: "invite-email", role: "invite-role-supporter", message: "invite-message" }, create.message)}
        />
        <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
        <TextField
          id="invite-email"
          label={t("email")}
          hint={t("emailHint")}
          type="email"
          autoComplete="off"
          spellCheck={false}
          error={errors.email?.message}
          {...form.register("email")}
        />
        <RadioGroup
          id="invite-role"
          legend={t("role")}
          options={INVITABLE_ROLES.map((role) => ({
            value: role,
            label: roles(`${role}.name`),
            description: roles(`${role}.description`),
          }))}
          error={errors.role?.message}
          inputProps={form.register("role")}
        />
        <TextArea
          id="invite-message"
          label={t("message")}
          hint={t("messageHint")}
          rows={3}
          error={errors.message?.message}
          {...form.register("message")}
        />
        <div>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? t("creating") : t("create")}
          </Button>
        </div>
      </form>
    </div>
  );
}
