"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { conflictCurrent } from "@/components/forms/conflict";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useDraft } from "@/components/forms/use-draft";
import { summaryErrors } from "@/components/forms/form-errors";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useVersionedEdit, VersionConflicts } from "@/components/forms/versioned-edit";
import { formatDateTime } from "@/lib/format-date";
import { OPINION_KINDS, OPINION_STATUSES, TRI_STATES } from "@/lib/vocabulary/opinion";
import { messageRef } from "@/lib/i18n/message-ref";
import type { OpinionView, ZOpinionView } from "@/lib/opinion";
import { dateToZonedTime, isTimeZone, ownTimeZone, zonedTimeToDate } from "@/lib/time-zone";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError } from "@/components/ui/field-error";
import { TimeZoneSelect } from "./time-zone-select";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RadioGroup } from "@/components/ui/radio-group";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

/**
 * The form keeps the visit as a day, a time and a zone, as the clinic gave them; they become one
 * moment (and the zone) on the way out. Built when the form first validates (lazyZodResolver), so zod
 * is not in the first load.
 */
function opinionFormSchema({ z }: typeof import("zod"), { ZOpinionFields }: typeof import("@/lib/opinion")) {
  return ZOpinionFields.omit({ visitAt: true, visitTimeZone: true })
    .extend({ visitDate: z.string(), visitTime: z.string(), visitTimeZone: z.string() })
    .superRefine((visit, issues) => {
      if (visit.visitDate === "" && visit.visitTime === "") return;
      const missing = visit.visitDate === "" ? "visitDate" : visit.visitTime === "" ? "visitTime" : null;
      if (missing) issues.addIssue({ code: "custom", path: [missing], message: messageRef("opinions.validation.visitDateTime") });
      else if (!isTimeZone(visit.visitTimeZone))
        issues.addIssue({ code: "custom", path: ["visitTimeZone"], message: messageRef("opinions.validation.timeZone") });
      else if (!zonedTimeToDate(visit.visitDate, visit.visitTime, visit.visitTimeZone))
        issues.addIssue({ code: "custom", path: ["visitDate"], message: messageRef("opinions.validation.visitDateTime") });
    });
}
type TOpinionForm = z.input<ReturnType<typeof opinionFormSchema>>;

const FIELDS = [
  "label",
  "clinician",
  "specialty",
  "institution",
  "kind",
  "visitDate",
  "visitTime",
  "visitTimeZone",
  "visitPlace",
  "visitLink",
  "comingAlong",
  "status",
  "inNetwork",
  "referralNeeded",
  "preApprovalNeeded",
  "expectedCosts",
] as const;

/** The opinions catalogue's parts this form reads (its layout sends only those to the opinions list). */
type Words = {
  saved: ReturnType<typeof useTranslations<"opinions.saved">>;
  kind: ReturnType<typeof useTranslations<"opinions.kind">>;
  status: ReturnType<typeof useTranslations<"opinions.status">>;
  tri: ReturnType<typeof useTranslations<"opinions.tri">>;
};

/** A member who can be "coming along". */
export type Companion = { userId: string; name: string };

function formValues(opinion: OpinionView): TOpinionForm {
  // A visit saved before zones is shown in the reader's zone: that is how it was entered.
  const zone = opinion.visitTimeZone ?? ownTimeZone();
  const when = opinion.visitAt ? dateToZonedTime(opinion.visitAt, zone) : { day: "", time: "" };
  return {
    label: opinion.label,
    clinician: opinion.clinician,
    specialty: opinion.specialty,
    institution: opinion.institution,
    kind: opinion.kind,
    visitDate: when.day,
    visitTime: when.time,
    visitTimeZone: zone,
    visitPlace: opinion.visitPlace,
    visitLink: opinion.visitLink,
    comingAlong: opinion.comingAlong,
    status: opinion.status,
    inNetwork: opinion.inNetwork,
    referralNeeded: opinion.referralNeeded,
    preApprovalNeeded: opinion.preApprovalNeeded,
    expectedCosts: opinion.expectedCosts,
  };
}

/** An opinion as saved, for the panel that shows it beside the person's own text. */
function savedRows(o: OpinionView, { saved, kind, status, tri }: Words, locale: string, companions: Companion[]): [string, string][] {
  return [
    [saved("label"), o.label],
    [saved("clinician"), o.clinician],
    [saved("specialty"), o.specialty],
    [saved("institution"), o.institution],
    [saved("kind"), kind(`${o.kind}.name`)],
    [saved("visit"), o.visitAt ? formatDateTime(o.visitAt, locale, o.visitTimeZone ?? undefined) : ""],
    [saved("timeZone"), o.visitTimeZone ?? ""],
    [saved("place"), o.visitPlace],
    [saved("link"), o.visitLink],
    [saved("comingAlong"), companions.filter((c) => o.comingAlong.includes(c.userId)).map((c) => c.name).join(", ")],
    [saved("status"), status(o.status)],
    [saved("inNetwork"), tri(o.inNetwork)],
    [saved("referral"), tri(o.referralNeeded)],
    [saved("preApproval"), tri(o.preApprovalNeeded)],
    [saved("costs"), o.expectedCosts],
  ];
}

type Props = { caseId: string; companions: Companion[]; onDone?: () => void } & (
  | { mode: "create"; suggestedLabel: string }
  | { mode: "edit"; opinion: OpinionView }
);

/**
 * Adding or editing an opinion. Editing names the version it started from: if someone else saved in
 * the meantime, the person's text stays in the form and they see the saved version beside it.
 */
export function OpinionForm(props: Props) {
  const { caseId, companions, onDone } = props;
  const t = useTranslations("opinions.form");
  const words: Words = {
    saved: useTranslations("opinions.saved"),
    kind: useTranslations("opinions.kind"),
    status: useTranslations("opinions.status"),
    tri: useTranslations("opinions.tri"),
  };
  const locale = useLocale();
  const kindOptions = OPINION_KINDS.map((kind) => ({ value: kind, label: words.kind(`${kind}.name`), description: words.kind(`${kind}.explanation`) }));
  const statusOptions = OPINION_STATUSES.map((status) => ({ value: status, label: words.status(status) }));
  const triOptions = TRI_STATES.map((value) => ({ value, label: words.tri(value) }));
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
            visitDate: "",
            visitTime: "",
            // Set to the browser's own zone once mounted (below): the server does not know it.
            visitTimeZone: "",
            visitPlace: "",
            visitLink: "",
            comingAlong: [],
            status: "considering",
            inNetwork: "unknown",
            referralNeeded: "unknown",
            preApprovalNeeded: "unknown",
            expectedCosts: "",
          },
    shouldFocusError: false,
  });
  // A new opinion opens its own page, which the server renders fresh: no refresh of this one.
  const create = useCaseMutation(client.opinion.create.mutate, { refresh: false, createsOnce: true });
  const update = useCaseMutation(client.opinion.update.mutate);
  const draft = useDraft(form, {
    caseId,
    name: props.mode === "create" ? "opinion-new" : `opinion-edit-${props.opinion.id}`,
    fields: ["label", "clinician", "specialty", "institution", "visitPlace", "visitLink", "expectedCosts"],
  });
  useEffect(() => {
    if (form.getValues("visitTimeZone") === "") form.setValue("visitTimeZone", ownTimeZone());
  }, [form]);
  const zone = useWatch({ control: form.control, name: "visitTimeZone" });
  const { errors, isSubmitting, isDirty } = form.formState;
  const id = (field: string) => `${prefix}-${field}`;
  const edit = useVersionedEdit<OpinionView>({
    saved: props.mode === "edit" ? props.opinion : null,
    initialVersion: props.mode === "edit" ? props.opinion.version : 0,
    isDirty,
    load: (row) => form.reset(formValues(row)),
  });

  const onSubmit = form.handleSubmit(async ({ visitDate, visitTime, visitTimeZone, ...values }) => {
    const visitAt = visitDate && visitTime ? zonedTimeToDate(visitDate, visitTime, visitTimeZone) : null;
    const fields = { ...values, visitAt, visitTimeZone: visitAt ? visitTimeZone : null };
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
            visitDate: id("visit-date"),
            visitTime: id("visit-time"),
            visitTimeZone: id("visit-zone"),
            visitPlace: id("visit-place"),
            visitLink: id("visit-link"),
            comingAlong: id(`coming-${companions[0]?.userId ?? "none"}`),
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
      <VersionConflicts edit={edit} rows={(row) => savedRows(row, words, locale, companions)} />
      <TextField
        id={id("label")}
        label={t("label")}
        hint={t("labelHint")}
        autoComplete="off"
        error={errors.label?.message}
        {...form.register("label")}
      />
      <TextField
        id={id("clinician")}
        label={t("clinician")}
        hint={t("clinicianHint")}
        autoComplete="off"
        error={errors.clinician?.message}
        {...form.register("clinician")}
      />
      <TextField
        id={id("specialty")}
        label={t("specialty")}
        hint={t("specialtyHint")}
        autoComplete="off"
        error={errors.specialty?.message}
        {...form.register("specialty")}
      />
      <TextField
        id={id("institution")}
        label={t("institution")}
        autoComplete="off"
        error={errors.institution?.message}
        {...form.register("institution")}
      />
      <RadioGroup
        id={id("kind")}
        legend={t("kind")}
        options={kindOptions}
        error={errors.kind?.message}
        inputProps={form.register("kind")}
      />
      <p className="-mt-2 text-sm text-muted">{t("kindHelp")}</p>
      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 font-semibold">{t("visitTitle")}</legend>
        <p className="text-sm text-muted">{t("visitHint")}</p>
        <div className="flex flex-wrap gap-4">
          <TextField
            id={id("visit-date")}
            type="date"
            label={t("visitDate")}
            className="w-full sm:w-auto"
            error={errors.visitDate?.message}
            {...form.register("visitDate")}
          />
          <TextField
            id={id("visit-time")}
            type="time"
            label={t("visitTime")}
            className="w-full sm:w-auto"
            error={errors.visitTime?.message}
            {...form.register("visitTime")}
          />
        </div>
        <TimeZoneSelect
          id={id("visit-zone")}
          label={t("visitTimeZone")}
          hint={t("visitTimeZoneHint")}
          error={errors.visitTimeZone?.message}
          current={zone}
          value={zone}
          onChange={(event) => form.setValue("visitTimeZone", event.target.value, { shouldDirty: true })}
        />
        <TextField
          id={id("visit-place")}
          label={t("visitPlace")}
          hint={t("visitPlaceHint")}
          autoComplete="off"
          error={errors.visitPlace?.message}
          {...form.register("visitPlace")}
        />
        <TextField
          id={id("visit-link")}
          type="url"
          label={t("visitLink")}
          hint={t("visitLinkHint")}
          autoComplete="off"
          error={errors.visitLink?.message}
          {...form.register("visitLink")}
        />
        {companions.length > 0 && (
          <fieldset className="flex flex-col gap-2">
            <legend className="font-semibold">{t("comingAlong")}</legend>
            {companions.map((companion) => (
              <Checkbox
                key={companion.userId}
                id={id(`coming-${companion.userId}`)}
                label={companion.name}
                value={companion.userId}
                {...form.register("comingAlong")}
              />
            ))}
            <FieldError id={id("coming-error")}>{errors.comingAlong?.message}</FieldError>
          </fieldset>
        )}
      </fieldset>
      <SelectField id={id("status")} label={t("status")} options={statusOptions} error={errors.status?.message} {...form.register("status")} />

      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 font-semibold">{t("practical")}</legend>
        <p className="text-sm text-muted">{t("practicalHint")}</p>
        <SelectField
          id={id("in-network")}
          label={t("inNetwork")}
          options={triOptions}
          error={errors.inNetwork?.message}
          {...form.register("inNetwork")}
        />
        <SelectField
          id={id("referral")}
          label={t("referral")}
          options={triOptions}
          error={errors.referralNeeded?.message}
          {...form.register("referralNeeded")}
        />
        <SelectField
          id={id("pre-approval")}
          label={t("preApproval")}
          options={triOptions}
          error={errors.preApprovalNeeded?.message}
          {...form.register("preApprovalNeeded")}
        />
        <TextArea
          id={id("costs")}
          label={t("costs")}
          hint={t("costsHint")}
          rows={3}
          error={errors.expectedCosts?.message}
          {...form.register("expectedCosts")}
        />
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={busy}>
          {props.mode === "create" ? (busy ? t("adding") : t("add")) : busy ? t("saving") : t("save")}
        </Button>
        {onDone && (
          <Button
            variant="secondary"
            onClick={() => {
              draft.discard();
              onDone();
            }}
          >
            {t("cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
