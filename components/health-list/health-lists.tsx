"use client";
/**
 * The three health lists: what each item holds (field definitions) and which procedures save it.
 * The list itself is `EditableList`.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { conflictCurrent } from "@/components/forms/conflict";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { ALLERGY_SEVERITIES, ALLERGY_SEVERITY_LABELS, type TAllergyFields, type TMedicationFields, type TProcedureFields, ZAllergyFields, ZMedicationFields, ZProcedureFields } from "@/lib/health-list";
import { EditableList, type FieldDef, type ListItem } from "./editable-list";

type SectionProps<TFields extends Record<string, string>> = {
  caseId: string;
  items: ListItem<TFields>[];
  canEdit: boolean;
};

// ── Medications ──────────────────────────────────────────────────────────────────────────────────

const MEDICATION_FIELDS: FieldDef<TMedicationFields>[] = [
  { name: "name", label: "Name of the medication", term: "Name", hint: "As on the box or the prescription.", control: "text" },
  { name: "dose", label: "Dose (optional)", term: "Dose", hint: "For example: 500 mg, or 2 puffs.", control: "text" },
  { name: "frequency", label: "How often (optional)", term: "How often", hint: "For example: twice a day with food.", control: "text" },
  { name: "purpose", label: "What it is for (optional)", term: "What it is for", control: "text" },
  { name: "prescriber", label: "Who prescribed it (optional)", term: "Prescribed by", control: "text" },
  { name: "notes", label: "Notes (optional)", term: "Notes", hint: "For example: side effects, or when it was started.", control: "long" },
];

const ZSavedMedication = ZMedicationFields.extend({ version: z.number().int() });
const medicationResolver = zodResolver(ZMedicationFields);

export function MedicationList({ caseId, items, canEdit }: SectionProps<TMedicationFields>) {
  const trpc = useTRPC();
  const create = useMutation(trpc.healthList.medication.create.mutationOptions());
  const update = useMutation(trpc.healthList.medication.update.mutationOptions());
  const remove = useMutation(trpc.healthList.medication.remove.mutationOptions());
  const reorder = useMutation(trpc.healthList.medication.reorder.mutationOptions());
  return (
    <EditableList<TMedicationFields>
      listId="medication"
      noun="medication"
      addLabel="Add a medication"
      emptyText="No medications listed yet."
      items={items}
      fields={MEDICATION_FIELDS}
      emptyValues={{ name: "", dose: "", frequency: "", purpose: "", prescriber: "", notes: "" }}
      resolver={medicationResolver}
      readConflict={(error) => conflictCurrent(error, ZSavedMedication)}
      canEdit={canEdit}
      actions={{
        create: (values) => create.mutateAsync({ caseId, ...values }),
        update: (id, version, values) => update.mutateAsync({ caseId, id, version, ...values }),
        remove: (id) => remove.mutateAsync({ caseId, id }),
        reorder: (ids) => reorder.mutateAsync({ caseId, ids }),
      }}
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

const ZSavedAllergy = ZAllergyFields.extend({ version: z.number().int() });
const allergyResolver = zodResolver(ZAllergyFields);

export function AllergyList({ caseId, items, canEdit }: SectionProps<TAllergyFields>) {
  const trpc = useTRPC();
  const create = useMutation(trpc.healthList.allergy.create.mutationOptions());
  const update = useMutation(trpc.healthList.allergy.update.mutationOptions());
  const remove = useMutation(trpc.healthList.allergy.remove.mutationOptions());
  const reorder = useMutation(trpc.healthList.allergy.reorder.mutationOptions());
  return (
    <EditableList<TAllergyFields>
      listId="allergy"
      noun="allergy or reaction"
      addLabel="Add an allergy or reaction"
      emptyText="No allergies or reactions listed yet."
      items={items}
      fields={ALLERGY_FIELDS}
      emptyValues={{ substance: "", reaction: "", severity: "unknown" }}
      resolver={allergyResolver}
      readConflict={(error) => conflictCurrent(error, ZSavedAllergy)}
      canEdit={canEdit}
      actions={{
        create: (values) => create.mutateAsync({ caseId, ...values }),
        update: (id, version, values) => update.mutateAsync({ caseId, id, version, ...values }),
        remove: (id) => remove.mutateAsync({ caseId, id }),
        reorder: (ids) => reorder.mutateAsync({ caseId, ids }),
      }}
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

const ZSavedProcedure = ZProcedureFields.extend({ version: z.number().int() });
const procedureResolver = zodResolver(ZProcedureFields);

export function ProcedureList({ caseId, items, canEdit }: SectionProps<TProcedureFields>) {
  const trpc = useTRPC();
  const create = useMutation(trpc.healthList.procedure.create.mutationOptions());
  const update = useMutation(trpc.healthList.procedure.update.mutationOptions());
  const remove = useMutation(trpc.healthList.procedure.remove.mutationOptions());
  const reorder = useMutation(trpc.healthList.procedure.reorder.mutationOptions());
  return (
    <EditableList<TProcedureFields>
      listId="procedure"
      noun="surgery or procedure"
      addLabel="Add a surgery or procedure"
      emptyText="No past surgeries or procedures listed yet."
      items={items}
      fields={PROCEDURE_FIELDS}
      emptyValues={{ what: "", whenText: "", place: "", description: "" }}
      resolver={procedureResolver}
      readConflict={(error) => conflictCurrent(error, ZSavedProcedure)}
      canEdit={canEdit}
      actions={{
        create: (values) => create.mutateAsync({ caseId, ...values }),
        update: (id, version, values) => update.mutateAsync({ caseId, id, version, ...values }),
        remove: (id) => remove.mutateAsync({ caseId, id }),
        reorder: (ids) => reorder.mutateAsync({ caseId, ids }),
      }}
    />
  );
}
