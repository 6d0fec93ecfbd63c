"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { conflictCurrent } from "@/components/forms/conflict";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { summaryErrors } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useVersionedEdit, VersionConflicts } from "@/components/forms/versioned-edit";
import { formatDateTime } from "@/lib/format-date";
import { OPINION_KINDS, OPINION_KIND_LABELS, OPINION_STATUSES, OPINION_STATUS_LABELS, TRI_STATES, TRI_STATE_LABELS } from "@/lib/vocabulary/opinion";
import type { OpinionView, ZOpinionView } from "@/lib/opinion";
import { fromDateTimeLocalInput, toDateTimeLocalInput } from "@/components/forms/local-date-inputs";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RadioGroup } from "@/components/ui/radio-group";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

/**
 * The form keeps the visit as the text of a datetime-local input; it becomes a Date on the way out.
 * Built when the form first validates (lazyZodResolver), so zod is not in the first load.
 */
function opinionFormSchema({ z }: typeof import("zod"), { ZOpinionFields }: typeof import("@/lib/opinion")) {
  return ZOpinionFields.omit({ visitAt: true }).extend({
    visitAt: z
      .string()
      .refine((value) => value === "" || fromDateTimeLocalInput(value) !== null, "Enter the visit date and time, or leave both empty."),
  });
}
type TOpinionForm = z.input<ReturnType<typeof opinionFormSchema>>;

const FIELDS = [
  "label",
  "clinician",
  "specialty",
  "institution",
  "kind",
  "visitAt",
  "status",
  "inNetwork",
  "referralNeeded",
  "preApprovalNeeded",
  "expectedCosts",
] as const;

const KIND_OPTIONS = OPINION_KINDS.map((kind) => ({
  value: kind,
  label: OPINION_KIND_LABELS[kind].name,
  description: OPINION_KIND_LABELS[kind].explanation,
}));
const STATUS_OPTIONS = OPINION_STATUSES.map((status) => ({ value: status, label: OPINION_STATUS_LABELS[status] }));
const TRI_OPTIONS = TRI_STATES.map((value) => ({ value, label: TRI_STATE_LABELS[value] }));

function formValues(opinion: OpinionView): TOpinionForm {
  return {
    label: opinion.label,
    clinician: opinion.clinician,
    specialty: opinion.specialty,
    institution: opinion.institution,
    kind: opinion.kind,
    visitAt: opinion.visitAt ? toDateTimeLocalInput(opinion.visitAt) : "",
    status: opinion.status,
    inNetwork: opinion.inNetwork,
    referralNeeded: opinion.referralNeeded,
    preApprovalNeeded: opinion.preApprovalNeeded,
    expectedCosts: opinion.expectedCosts,
  };
}

/** An opinion as saved, for the panel that shows it beside the person's own text. */
function savedRows(o: OpinionView): [string, string][] {
  return [
    ["Name of this opinion", o.label],
    ["Clinician", o.clinician],
    ["Specialty", o.specialty],
    ["Hospital or clinic", o.institution],
    ["Kind of opinion", OPINION_KIND_LABELS[o.kind].name],
    ["Visit", o.visitAt ? formatDateTime(o.visitAt, "en") : ""],
    ["Status", OPINION_STATUS_LABELS[o.status]],
    ["In network", TRI_STATE_LABELS[o.inNetwork]],
    ["Referral needed", TRI_STATE_LABELS[o.referralNeeded]],
    ["Pre-approval needed", TRI_STATE_LABELS[o.preApprovalNeeded]],
    ["Expected costs", o.expectedCosts],
  ];
}

type Props = { caseId: string; onDone?: () => void } & (
  | { mode: "create"; suggestedLabel: string }
  | { mode: "edit"; opinion: OpinionView }
);

/**
 * Adding or editing an opinion. Editing names the version it started from: if someone else saved in
 * the meantime, the person's text stays in the form and they see the saved version beside it.
 */
export function OpinionForm(props: Props) {
  const { caseId, onDone } = props;
  const client = useTRPCClient();
  const router = useRouter();
  const prefix = props.mode === "create" ? "new-opinion" : `edit-opinion-${props.opinion.id}`;
  const [leaving, setLeaving] = useState(false);
  const form = useForm<TOpinionForm>({
    resolver: lazyZodResolver(() => Promise.all([import("zod"), import("@/lib/opinion")]).then(([zod, lib]) => opinionFormSchema(zod, lib))),
    defaultValues:
      props.mode === "edit"
        ? formValues(props.opinion)
        : {
            label: props.suggestedLabel,
            clinician: "",
            specialty: "",
            institution: "",
            visitAt: "",
            status: "considering",
            inNetwork: "unknown",
            referralNeeded: "unknown",
            preApprovalNeeded: "unknown",
            expectedCosts: "",
          },
    shouldFocusError: false,
  });
  // A new opinion opens its own page, which the server renders fresh: no refresh of this one.
  const create = useCaseMutation(client.opinion.create.mutate, { refresh: false });
  const update = useCaseMutation(client.opinion.update.mutate);
  const draft = useDraft(form, {
    caseId,
    name: props.mode === "create" ? "opinion-new" : `opinion-edit-${props.opinion.id}`,
    fields: ["label", "clinician", "specialty", "institution", "expectedCosts"],
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const id = (field: string) => `${prefix}-${field}`;
  const edit = useVersionedEdit<OpinionView>({
    saved: props.mode === "edit" ? props.opinion : null,
    initialVersion: props.mode === "edit" ? props.opinion.version : 0,
    isDirty,
    load: (row) => form.reset(formValues(row)),
  });

  const onSubmit = form.handleSubmit(async ({ visitAt, ...values }) => {
    const fields = { ...values, visitAt: visitAt ? fromDateTimeLocalInput(visitAt) : null };
    const onError = { form: { setError: form.setError, fields: FIELDS } };
    if (props.mode === "create") {
      const created = await create.run({ caseId, ...fields }, onError);
      if (!created.ok) return;
      draft.saved();
      setLeaving(true);
      router.push(`/cases/${caseId}/opinions/${created.data.id}`);
      return;
    }
    const saved = await update.run(
      { caseId, id: props.opinion.id, version: edit.baseVersion, ...fields },
      { ...onError, conflict: (error) => edit.refusedBy(conflictCurrent<typeof ZOpinionView>(error)) },
    );
    if (!saved.ok) return;
    edit.saved();
    draft.saved();
    onDone?.();
  });

  const busy = isSubmitting || leaving;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <ErrorSummary
        errors={summaryErrors(
          errors,
          {
            label: id("label"),
            clinician: id("clinician"),
            specialty: id("specialty"),
            institution: id("institution"),
            kind: id(`kind-${OPINION_KINDS[0]}`),
            visitAt: id("visit-at"),
            status: id("status"),
            inNetwork: id("in-network"),
            referralNeeded: id("referral"),
            preApprovalNeeded: id("pre-approval"),
            expectedCosts: id("costs"),
          },
          props.mode === "create" ? create.message : update.message,
        )}
      />
      <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
      <VersionConflicts edit={edit} rows={savedRows} />
      <TextField
        id={id("label")}
        label="Name of this opinion"
        hint="How you will recognise it, for example “Second opinion” or “Dr Lee at the knee clinic”."
        autoComplete="off"
        error={errors.label?.message}
        {...form.register("label")}
      />
      <TextField
        id={id("clinician")}
        label="Clinician (optional)"
        hint="The doctor or team giving this opinion."
        autoComplete="off"
        error={errors.clinician?.message}
        {...form.register("clinician")}
      />
      <TextField
        id={id("specialty")}
        label="Specialty (optional)"
        hint="For example orthopaedics, cardiology or oncology."
        autoComplete="off"
        error={errors.specialty?.message}
        {...form.register("specialty")}
      />
      <TextField
        id={id("institution")}
        label="Hospital or clinic (optional)"
        autoComplete="off"
        error={errors.institution?.message}
        {...form.register("institution")}
      />
      <RadioGroup
        id={id("kind")}
        legend="What kind of opinion is this?"
        options={KIND_OPTIONS}
        error={errors.kind?.message}
        inputProps={form.register("kind")}
      />
      <p className="-mt-2 text-sm text-muted">
        The doctor whose diagnosis or plan you are checking gave the original opinion. For a second opinion, each kind
        tends to help in different situations; none is better in general. Pick the one that describes this visit.
      </p>
      <TextField
        id={id("visit-at")}
        type="datetime-local"
        label="Visit date and time (optional)"
        hint="Leave empty if it is not booked yet."
        error={errors.visitAt?.message}
        {...form.register("visitAt")}
      />
      <SelectField id={id("status")} label="Status" options={STATUS_OPTIONS} error={errors.status?.message} {...form.register("status")} />

      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 font-semibold">Insurance and practical details</legend>
        <p className="text-sm text-muted">
          Plans differ. Your insurer or member portal, and the clinic&rsquo;s billing staff, can usually tell you these
          before you book.
        </p>
        <SelectField
          id={id("in-network")}
          label="Is this clinician in your insurance network?"
          options={TRI_OPTIONS}
          error={errors.inNetwork?.message}
          {...form.register("inNetwork")}
        />
        <SelectField
          id={id("referral")}
          label="Is a referral needed?"
          options={TRI_OPTIONS}
          error={errors.referralNeeded?.message}
          {...form.register("referralNeeded")}
        />
        <SelectField
          id={id("pre-approval")}
          label="Is pre-approval (authorisation) needed?"
          options={TRI_OPTIONS}
          error={errors.preApprovalNeeded?.message}
          {...form.register("preApprovalNeeded")}
        />
        <TextArea
          id={id("costs")}
          label="Expected costs (optional)"
          hint="Copays, coinsurance, deductibles, and any extra tests or imaging that may be billed."
          rows={3}
          error={errors.expectedCosts?.message}
          {...form.register("expectedCosts")}
        />
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={busy}>
          {props.mode === "create" ? (busy ? "Adding…" : "Add this opinion") : busy ? "Saving…" : "Save changes"}
        </Button>
        {onDone && (
          <Button
            variant="secondary"
            onClick={() => {
              draft.discard();
              onDone();
            }}
          >
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
