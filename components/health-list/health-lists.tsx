"use client";
/**
 * The three health lists: what each item holds (field definitions) and which procedures save it.
 * The list itself is `EditableList`; each keeps itself up to date live, one changed item at a time
 * (components/live/use-live-items.ts).
 */
import { useTranslations } from "next-intl";
import { conflictCurrent } from "@/components/forms/conflict";
import { useLiveItems } from "@/components/live/use-live-items";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ALLERGY_SEVERITIES } from "@/lib/vocabulary/health-list";
import type { AllergyView, MedicationView, PastProcedureView, TAllergyFields, TMedicationFields, TProcedureFields, ZAllergyView, ZMedicationView, ZPastProcedureView } from "@/lib/health-list";
import { EditableList, type FieldDef, type ItemFields, type ListActions } from "./editable-list";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";

type SectionProps<TView> = {
  caseId: string;
  items: TView[];
  canEdit: boolean;
};

/** One list's four procedures (`healthList.<list>.*`), as the actions `EditableList` runs. */
type ListProcedures<TFields> = {
  create: { mutate: (input: { caseId: string; submissionId?: string } & TFields) => Promise<unknown> };
  update: { mutate: (input: { caseId: string; id: string; version: number } & TFields) => Promise<unknown> };
  remove: { mutate: (input: { caseId: string; id: string; version: number }) => Promise<unknown> };
  reorder: { mutate: (input: { caseId: string; ids: string[] }) => Promise<unknown> };
};

/** The server's order (server/routers/health-list.ts): by position, then the older first, then by id. */
const byPosition = (a: ItemMeta, b: ItemMeta) =>
  a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
type ItemMeta = { id: string; position: number; createdAt: Date };

const MEDICATION_ENTITIES = ["medication"] as const;
const ALLERGY_ENTITIES = ["allergy"] as const;
const PROCEDURE_ENTITIES = ["procedure"] as const;

type Translate = ReturnType<typeof useTranslations<"healthLists">>;
type Control = FieldDef<ItemFields>["control"];

function listActions<TFields extends ItemFields>(api: ListProcedures<TFields>, caseId: string): ListActions<TFields> {
  return {
    create: (values) => api.create.mutate({ caseId, ...values }),
    update: (id, version, values) => api.update.mutate({ caseId, id, version, ...values }),
    remove: (id, version) => api.remove.mutate({ caseId, id, version }),
    reorder: (ids) => api.reorder.mutate({ caseId, ids }),
  };
}

// ── Medications ──────────────────────────────────────────────────────────────────────────────────

/** Each field's label and shorter term are in the catalogue (healthLists.<list>.fields.<field>), with a hint where it helps. */
const medicationFields = (t: Translate): FieldDef<TMedicationFields>[] => {
  const f = (name: FieldDef<TMedicationFields>["name"], control: Control, hint?: string) => ({
    name,
    label: t(`medication.fields.${name}.label`),
    term: t(`medication.fields.${name}.term`),
    hint,
    control,
  });
  return [
    f("name", "text", t("medication.fields.name.hint")),
    f("dose", "text", t("medication.fields.dose.hint")),
    f("frequency", "text", t("medication.fields.frequency.hint")),
    f("purpose", "text"),
    f("prescriber", "text"),
    f("notes", "long", t("medication.fields.notes.hint")),
  ];
};

const medicationResolver = lazyZodResolver(() => import("@/lib/health-list").then((m) => m.ZMedicationFields));

export function MedicationList({ caseId, items, canEdit }: SectionProps<MedicationView>) {
  const t = useTranslations("healthLists");
  const api = useTRPCClient().healthList.medication;
  const live = useLiveItems({ items, entityTypes: MEDICATION_ENTITIES, read: (id) => api.get.query({ caseId, id }), compare: byPosition });
  return (
    <EditableList<TMedicationFields>
      caseId={caseId}
      listId="medication"
      submitLabel={t("medication.submit")}
      addLabel={t("medication.add")}
      emptyText={t("medication.empty")}
      items={live.items}
      fields={medicationFields(t)}
      emptyValues={{ name: "", dose: "", frequency: "", purpose: "", prescriber: "", notes: "" }}
      resolver={medicationResolver}
      readConflict={(error) => conflictCurrent<typeof ZMedicationView>(error)}
      canEdit={canEdit}
      actions={listActions<TMedicationFields>(api, caseId)}
    />
  );
}

// ── Allergies and reactions ──────────────────────────────────────────────────────────────────────

const allergyFields = (t: Translate): FieldDef<TAllergyFields>[] => {
  const f = (name: FieldDef<TAllergyFields>["name"], control: Control, hint?: string) => ({
    name,
    label: t(`allergy.fields.${name}.label`),
    term: t(`allergy.fields.${name}.term`),
    hint,
    control,
  });
  return [
    f("substance", "text", t("allergy.fields.substance.hint")),
    f("reaction", "text", t("allergy.fields.reaction.hint")),
    { ...f("severity", "select"), options: ALLERGY_SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) })) },
  ];
};

const allergyResolver = lazyZodResolver(() => import("@/lib/health-list").then((m) => m.ZAllergyFields));

export function AllergyList({ caseId, items, canEdit }: SectionProps<AllergyView>) {
  const t = useTranslations("healthLists");
  const api = useTRPCClient().healthList.allergy;
  const live = useLiveItems({ items, entityTypes: ALLERGY_ENTITIES, read: (id) => api.get.query({ caseId, id }), compare: byPosition });
  return (
    <EditableList<TAllergyFields>
      caseId={caseId}
      listId="allergy"
      submitLabel={t("allergy.submit")}
      addLabel={t("allergy.add")}
      emptyText={t("allergy.empty")}
      items={live.items}
      fields={allergyFields(t)}
      emptyValues={{ substance: "", reaction: "", severity: "unknown" }}
      resolver={allergyResolver}
      readConflict={(error) => conflictCurrent<typeof ZAllergyView>(error)}
      canEdit={canEdit}
      actions={listActions<TAllergyFields>(api, caseId)}
    />
  );
}

// ── Past surgeries and procedures ────────────────────────────────────────────────────────────────

const procedureFields = (t: Translate): FieldDef<TProcedureFields>[] => {
  const f = (name: FieldDef<TProcedureFields>["name"], control: Control, hint?: string) => ({
    name,
    label: t(`procedure.fields.${name}.label`),
    term: t(`procedure.fields.${name}.term`),
    hint,
    control,
  });
  return [
    f("what", "text", t("procedure.fields.what.hint")),
    f("whenText", "text", t("procedure.fields.whenText.hint")),
    f("place", "text", t("procedure.fields.place.hint")),
    f("description", "long", t("procedure.fields.description.hint")),
  ];
};

const procedureResolver = lazyZodResolver(() => import("@/lib/health-list").then((m) => m.ZProcedureFields));

export function ProcedureList({ caseId, items, canEdit }: SectionProps<PastProcedureView>) {
  const t = useTranslations("healthLists");
  const api = useTRPCClient().healthList.procedure;
  const live = useLiveItems({ items, entityTypes: PROCEDURE_ENTITIES, read: (id) => api.get.query({ caseId, id }), compare: byPosition });
  return (
    <EditableList<TProcedureFields>
      caseId={caseId}
      listId="procedure"
      submitLabel={t("procedure.submit")}
      addLabel={t("procedure.add")}
      emptyText={t("procedure.empty")}
      items={live.items}
      fields={procedureFields(t)}
      emptyValues={{ what: "", whenText: "", place: "", description: "" }}
      resolver={procedureResolver}
      readConflict={(error) => conflictCurrent<typeof ZPastProcedureView>(error)}
      canEdit={canEdit}
      actions={listActions<TProcedureFields>(api, caseId)}
    />
  );
}
