"use client";
/**
 * The three health lists: what each item holds (field definitions) and which procedures save it.
 * The list itself is `EditableList`.
 */
import { conflictCurrent } from "@/components/forms/conflict";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { ALLERGY_SEVERITIES, ALLERGY_SEVERITY_LABELS } from "@/lib/vocabulary/health-list";
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
  create: { mutate: (input: { caseId: string } & TFields) => Promise<unknown> };
  update: { mutate: (input: { caseId: string; id: string; version: number } & TFields) => Promise<unknown> };
  remove: { mutate: (input: { caseId: string; id: string }) => Promise<unknown> };
  reorder: { mutate: (input: { caseId: string; ids: string[] }) => Promise<unknown> };
};

function listActions<TFields extends ItemFields>(api: ListProcedures<TFields>, caseId: string): ListActions<TFields> {
  return {
    create: (values) => api.create.mutate({ caseId, ...values }),
    update: (id, version, values) => api.update.mutate({ caseId, id, version, ...values }),
    remove: (id) => api.remove.mutate({ caseId, id }),
    reorder: (ids) => api.reorder.mutate({ caseId, ids }),
  };
}

// ── Medications ──────────────────────────────────────────────────────────────────────────────────

const MEDICATION_FIELDS: FieldDef<TMedicationFields>[] = [
  { name: "name", label: "Name of the medication", term: "Name", hint: "As on the box or the prescription.", control: "text" },
  { name: "dose", label: "Dose (optional)", term: "Dose", hint: "For example: 500 mg, or 2 puffs.", control: "text" },
  { name: "frequency", label: "How often (optional)", term: "How often", hint: "For example: twice a day with food.", control: "text" },
  { name: "purpose", label: "What it is for (optional)", term: "What it is for", control: "text" },
  { name: "prescriber", label: "Who prescribed it (optional)", term: "Prescribed by", control: "text" },
  { name: "notes", label: "Notes (optional)", term: "Notes", hint: "For example: side effects, or when it was started.", control: "long" },
];

const medicationResolver = lazyZodResolver(() => import("@/lib/health-list").then((m) => m.ZMedicationFields));

export function MedicationList({ caseId, items, canEdit }: SectionProps<MedicationView>) {
  const api = useTRPCClient().healthList.medication;
  return (
    <EditableList<TMedicationFields>
      caseId={caseId}
      listId="medication"
      noun="medication"
      addLabel="Add a medication"
      emptyText="No medications listed yet."
      items={items}
      fields={MEDICATION_FIELDS}
      emptyValues={{ name: "", dose: "", frequency: "", purpose: "", prescriber: "", notes: "" }}
      resolver={medicationResolver}
      readConflict={(error) => conflictCurrent<typeof ZMedicationView>(error)}
      canEdit={canEdit}
      actions={listActions<TMedicationFields>(api, caseId)}
    />
  );
}

// ── Allergies and reactions ──────────────────────────────────────────────────────────────────────

const ALLERGY_FIELDS: FieldDef<TAllergyFields>[] = [
  {
    name: "substance",
    label: "What causes it",
    term: "Cause",
    hint: "A medication, a food, latex, a dressing or anything else.",
    control: "text",
  },
  { name: "reaction", label: "What happens (optional)", term: "Reaction", hint: "For example: a rash, swelling, feeling faint.", control: "text" },
  {
    name: "severity",
    label: "How severe",
    term: "How severe",
    control: "select",
    options: ALLERGY_SEVERITIES.map((s) => ({ value: s, label: ALLERGY_SEVERITY_LABELS[s] })),
  },
];

const allergyResolver = lazyZodResolver(() => import("@/lib/health-list").then((m) => m.ZAllergyFields));

export function AllergyList({ caseId, items, canEdit }: SectionProps<AllergyView>) {
  const api = useTRPCClient().healthList.allergy;
  return (
    <EditableList<TAllergyFields>
      caseId={caseId}
      listId="allergy"
      noun="allergy or reaction"
      addLabel="Add an allergy or reaction"
      emptyText="No allergies or reactions listed yet."
      items={items}
      fields={ALLERGY_FIELDS}
      emptyValues={{ substance: "", reaction: "", severity: "unknown" }}
      resolver={allergyResolver}
      readConflict={(error) => conflictCurrent<typeof ZAllergyView>(error)}
      canEdit={canEdit}
      actions={listActions<TAllergyFields>(api, caseId)}
    />
  );
}

// ── Past surgeries and procedures ────────────────────────────────────────────────────────────────

const PROCEDURE_FIELDS: FieldDef<TProcedureFields>[] = [
  { name: "what", label: "Surgery or procedure", term: "What", hint: "For example: knee arthroscopy, or colonoscopy.", control: "text" },
  { name: "whenText", label: "When (optional)", term: "When", hint: 'A date, or roughly: "spring 2019" is fine.', control: "text" },
  { name: "place", label: "Where (optional)", term: "Where", hint: "The hospital or clinic.", control: "text" },
  { name: "description", label: "Short description (optional)", term: "About it", hint: "What was done, and how it went.", control: "long" },
];

const procedureResolver = lazyZodResolver(() => import("@/lib/health-list").then((m) => m.ZProcedureFields));

export function ProcedureList({ caseId, items, canEdit }: SectionProps<PastProcedureView>) {
  const api = useTRPCClient().healthList.procedure;
  return (
    <EditableList<TProcedureFields>
      caseId={caseId}
      listId="procedure"
      noun="surgery or procedure"
      addLabel="Add a surgery or procedure"
      emptyText="No past surgeries or procedures listed yet."
      items={items}
      fields={PROCEDURE_FIELDS}
      emptyValues={{ what: "", whenText: "", place: "", description: "" }}
      resolver={procedureResolver}
      readConflict={(error) => conflictCurrent<typeof ZPastProcedureView>(error)}
      canEdit={canEdit}
      actions={listActions<TProcedureFields>(api, caseId)}
    />
  );
}
