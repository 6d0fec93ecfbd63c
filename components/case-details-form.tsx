"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { CASE_DETAIL_FIELDS, CaseDetailsFields, caseDetailFieldIds } from "@/components/case-details-fields";
import { applyServerErrors, summaryErrors } from "@/components/forms/form-errors";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { ZCaseDetails, type TCaseDetails } from "@/server/shared/case-schemas";

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

function savedCaseFromConflict(error: unknown): SavedCase | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { code?: string; current?: unknown } | undefined;
  if (data?.code !== "CONFLICT") return null;
  const parsed = ZSavedCase.safeParse(data.current);
  return parsed.success ? parsed.data : null;
}

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
      const current = savedCaseFromConflict(error);
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
      {theirs && <ConflictPanel theirs={theirs} onUseTheirs={loadTheirs} onKeepMine={keepMine} />}
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

function ConflictPanel({
  theirs,
  onUseTheirs,
  onKeepMine,
}: {
  theirs: SavedCase;
  onUseTheirs: () => void;
  onKeepMine: () => void;
}) {
  const ref = useRef<HTMLElement>(null);
  const headingId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, [theirs.version]);
  const rows: [string, string][] = [
    ["Patient's name", theirs.patientName],
    ["Case title", theirs.title],
    ["What I understand so far", theirs.understanding || "(empty)"],
    ["The decision we are facing", theirs.decision || "(empty)"],
    ["Feels urgent", theirs.urgent ? "Yes" : "No"],
  ];
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="rounded-lg border-2 border-caution bg-caution-bg p-4"
    >
      <h2 id={headingId} className="text-lg font-bold text-caution">
        Someone else saved changes while you were editing
      </h2>
      <p className="mt-2">
        Your text is still in the form below and has not been saved. Here is the version they saved. You can copy
        anything you need from it.
      </p>
      <dl className="mt-3 flex flex-col gap-2 rounded-lg bg-white p-3">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="font-semibold">{label}</dt>
            <dd className="whitespace-pre-wrap break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 flex flex-wrap gap-3">
        <Button variant="secondary" onClick={onKeepMine}>
          Keep editing mine (saving will replace theirs)
        </Button>
        <Button variant="secondary" onClick={onUseTheirs}>
          Load their version (discards my changes)
        </Button>
      </div>
    </section>
  );
}
