"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { conflictCurrent } from "@/components/forms/conflict";
import { applyServerErrors, summaryErrors } from "@/components/forms/form-errors";
import { useVersionedEdit, VersionConflicts } from "@/components/forms/versioned-edit";
import { LocalDate } from "@/components/ui/local-date";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/text-area";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import { COMPARISON_ASPECT_LABELS, type ComparisonAspect, type TCellFields, ZCellFields } from "@/lib/comparison";
import type { GridCell, GridOpinion } from "./grid-types";

/** A cell as someone else saved it, carried by a CONFLICT error. */
const ZSavedCell = z.object({ text: z.string(), version: z.number().int(), updatedByName: z.string().nullable().optional() });
type SavedCell = z.infer<typeof ZSavedCell>;

type Props = {
  caseId: string;
  aspect: ComparisonAspect;
  opinion: GridOpinion;
  cell: GridCell | null;
  canEdit: boolean;
  /** Keeps ids unique when the same cell appears in both layouts. */
  idPrefix: string;
};

/** One entry of the grid: what this opinion said on this aspect, who last changed it, and (for writers) an inline edit. */
export function ComparisonCell({ caseId, aspect, opinion, cell, canEdit, idPrefix }: Props) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const where = `${COMPARISON_ASPECT_LABELS[aspect]}, ${opinion.label}`;
  const verb = cell?.text ? "Edit" : "Write";
  useReturnFocus(editing, editButton);
  const close = () => setEditing(false);

  return (
    <div className="flex flex-col gap-2">
      {cell?.text ? (
        <p className="whitespace-pre-wrap break-words">{cell.text}</p>
      ) : (
        <p className="text-muted">Nothing written yet.</p>
      )}
      {cell && (
        <p className="text-sm text-muted">
          Last changed by {cell.updatedByName ?? "a former member"}, <LocalDate date={cell.updatedAt} />
        </p>
      )}
      {canEdit &&
        (editing ? (
          <CellForm caseId={caseId} aspect={aspect} opinion={opinion} cell={cell} where={where} fieldId={`${idPrefix}-${aspect}-${opinion.id}`} onDone={close} />
        ) : (
          <div>
            <Button ref={editButton} variant="secondary" aria-label={`${verb}: ${where}`} onClick={() => setEditing(true)}>
              {verb}
            </Button>
          </div>
        ))}
    </div>
  );
}

function CellForm({
  caseId,
  aspect,
  opinion,
  cell,
  where,
  fieldId,
  onDone,
}: {
  caseId: string;
  aspect: ComparisonAspect;
  opinion: GridOpinion;
  cell: GridCell | null;
  where: string;
  fieldId: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const form = useForm<TCellFields>({
    resolver: zodResolver(ZCellFields),
    defaultValues: { text: cell?.text ?? "" },
    shouldFocusError: false,
  });
  const save = useMutation(trpc.comparison.saveCell.mutationOptions());
  const { errors, isSubmitting, isDirty } = form.formState;
  const edit = useVersionedEdit<SavedCell>({
    saved: cell,
    // A cell nobody has written yet has no row: its first save names version 0.
    initialVersion: cell?.version ?? 0,
    isDirty,
    load: (row) => form.reset({ text: row.text }),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormMessage(null);
    try {
      await save.mutateAsync({ caseId, opinionId: opinion.id, aspect, text: values.text, version: edit.baseVersion });
    } catch (error) {
      if (edit.refusedBy(conflictCurrent(error, ZSavedCell))) return;
      setFormMessage(applyServerErrors(error, form.setError, ["text"]));
      return;
    }
    edit.saved();
    router.refresh();
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <ErrorSummary errors={summaryErrors(errors, { text: fieldId }, formMessage)} />
      <VersionConflicts
        edit={edit}
        rows={(row) => [[row.updatedByName ? `What ${row.updatedByName} saved` : "What was saved", row.text]]}
        changedBy={(row) => row.updatedByName ?? null}
      />
      <TextArea id={fieldId} label={where} rows={4} autoFocus error={errors.text?.message} {...form.register("text")} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
