"use client";
/**
 * Keeps a form's unsaved text as a draft on this device and puts it back when the form opens again —
 * after a session ended, a reload or a closed tab (components/forms/drafts.ts). Only the named text
 * fields are kept, only when they differ from what the form opened with, and the draft goes when
 * the form calls `saved()`.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { FieldValues, Path, PathValue, UseFormGetValues, UseFormSetValue, UseFormWatch } from "react-hook-form";
import { useDraftOwner } from "./draft-scope";
import { draftKey, readDraft, removeDraft, writeDraft, type DraftFields } from "./drafts";

interface DraftableForm<T extends FieldValues> {
  watch: UseFormWatch<T>;
  getValues: UseFormGetValues<T>;
  setValue: UseFormSetValue<T>;
}

function textOf(values: Record<string, unknown>, fields: readonly string[]): DraftFields {
  const out: DraftFields = {};
  for (const field of fields) {
    const value = values[field];
    if (typeof value === "string") out[field] = value;
  }
  return out;
}

const differs = (a: DraftFields, b: DraftFields) => Object.keys({ ...a, ...b }).some((k) => (a[k] ?? "") !== (b[k] ?? ""));
const hasText = (fields: DraftFields) => Object.values(fields).some((v) => v.trim() !== "");

/** Where drafts of a case not created yet are kept, in place of a case's id (ids are UUIDs, so never this). */
export const NEW_CASE_DRAFTS = "new";

/** `name` tells forms of one case apart ("note-new", `note-edit-${id}`…). */
export function useDraft<T extends FieldValues>(
  form: DraftableForm<T>,
  { caseId, name, fields }: { caseId: string; name: string; fields: readonly Path<T>[] },
) {
  const owner = useDraftOwner();
  const key = owner ? draftKey(owner, caseId, name) : null;
  const [restored, setRestored] = useState(false);
  // What the form holds when nothing is unsaved: its opening values, then each save's.
  const baseline = useRef<DraftFields>({});
  const fieldList = useRef(fields);

  useEffect(() => {
    if (!key) return;
    const names = fieldList.current;
    baseline.current = textOf(form.getValues() as Record<string, unknown>, names);
    const draft = readDraft(key);
    if (draft && hasText(draft) && differs(draft, baseline.current)) {
      for (const field of names) {
        const text = draft[field];
        if (text !== undefined) form.setValue(field, text as PathValue<T, Path<T>>, { shouldDirty: true });
      }
      setRestored(true);
    } else if (draft) {
      removeDraft(key);
    }
    const subscription = form.watch((values) => {
      const now = textOf(values as Record<string, unknown>, names);
      if (hasText(now) && differs(now, baseline.current)) writeDraft(key, now);
      else removeDraft(key);
    });
    return () => subscription.unsubscribe();
    // useForm's object is stable for the component's life; the key changes only with the person or case.
  }, [key, form]);

  /** Call after a successful save (and after any reset that follows it). */
  const saved = useCallback(() => {
    if (key) removeDraft(key);
    baseline.current = textOf(form.getValues() as Record<string, unknown>, fieldList.current);
    setRestored(false);
  }, [key, form]);

  // Cancelling the form is as final for its draft as saving it.
  return { restored, saved, discard: saved, dismiss: () => setRestored(false) };
}
