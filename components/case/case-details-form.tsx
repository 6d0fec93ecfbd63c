"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { CASE_DETAIL_FIELDS, CaseDetailsFields, caseDetailFieldIds } from "@/components/case/case-details-fields";
import { conflictCurrent } from "@/components/forms/conflict";
import { ConflictPanel } from "@/components/forms/conflict-panel";
import { applyServerErrors, summaryErrors } from "@/components/forms/form-errors";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { type TCaseDetails, ZCaseDetails } from "@/lib/case";

/** The case as someone else saved it, carried by a CONFLICT error's `data.current`. */
const ZSavedCase = z.object({
  patientName: z.string(),
  title: z.string(),
  understanding: z.string(),
  decision: z.string(),
  urgent: z.boolean(),
  version: z.number().int(),
});
type SavedCase = z.infer<typeof ZSavedCase>;

const ID_PREFIX = "edit-case";

/**
 * The owner edits the case details. `version` is the one being edited: if someone else saved in the
 * meantime, the server refuses, and the person sees the other version next to their own text, which
 * is kept, and chooses what to do.
 */
export function CaseDetailsForm({
  caseId,
  details,
  version,
  onDone,
}: {
  caseId: string;
  details: TCaseDetails;
  version: number;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [baseVersion, setBaseVersion] = useState(version);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<SavedCase | null>(null);
  const form = useForm<TCaseDetails>({
    resolver: zodResolver(ZCaseDetails),
    defaultValues: details,
    shouldFocusError: false,
  });
  const update = useMutation(trpc.case.update.mutationOptions());
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormMessage(null);
    try {
      await update.mutateAsync({ caseId, ...values, version: baseVersion });
    } catch (error) {
      const current = conflictCurrent(error, ZSavedCase);
      if (current) {
        setTheirs(current);
        return;
      }
      setFormMessage(applyServerErrors(error, form.setError, CASE_DETAIL_FIELDS));
      return;
    }
    setTheirs(null);
    router.refresh();
    onDone();
  });

  const loadTheirs = () => {
    if (!theirs) return;
    const { version: theirVersion, ...theirDetails } = theirs;
    form.reset(theirDetails);
    setBaseVersion(theirVersion);
    setTheirs(null);
    router.refresh();
  };

  const keepMine = () => {
    if (!theirs) return;
    // Saving now replaces their version with this one, knowingly.
    setBaseVersion(theirs.version);
    setTheirs(null);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary errors={summaryErrors(errors, caseDetailFieldIds(ID_PREFIX), formMessage)} />
      {theirs && (
        <ConflictPanel
          version={theirs.version}
          rows={[
            ["Patient's name", theirs.patientName],
            ["Case title", theirs.title],
            ["What I understand so far", theirs.understanding],
            ["The decision we are facing", theirs.decision],
            ["Feels urgent", theirs.urgent ? "Yes" : "No"],
          ]}
          onUseTheirs={loadTheirs}
          onKeepMine={keepMine}
        />
      )}
      <CaseDetailsFields
        idPrefix={ID_PREFIX}
        register={form.register}
        control={form.control}
        errors={errors}
        showUrgentNotice={!details.urgent}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save changes"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
