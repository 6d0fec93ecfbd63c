"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { conflictCurrent } from "@/components/forms/conflict";
import { useChangedUnderneath } from "@/components/forms/changed-underneath";
import { ConflictPanel } from "@/components/forms/conflict-panel";
import { applyServerErrors, summaryErrors } from "@/components/forms/form-errors";
import { LocalDate } from "@/components/local-date";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextArea } from "@/components/ui/text-area";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import { COMPARISON_ASPECT_LABELS, type ComparisonAspect } from "@/server/shared/comparing";
import { ZCellFields, type TCellFields } from "@/server/shared/comparing-schemas";
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
  // A cell nobody has written yet has no row: its first save names version 0.
  const [baseVersion, setBaseVersion] = useState(cell?.version ?? 0);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<SavedCell | null>(null);
  const form = useForm<TCellFields>({
    resolver: zodResolver(ZCellFields),
    defaultValues: { text: cell?.text ?? "" },
    shouldFocusError: false,
  });
  const save = useMutation(trpc.comparison.saveCell.mutationOptions());
  const { errors, isSubmitting, isDirty } = form.formState;
  const { changed, dismiss } = useChangedUnderneath({
    saved: cell,
    baseVersion,
    isDirty,
    adopt: (row) => {
      form.reset({ text: row.text });
      setBaseVersion(row.version);
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormMessage(null);
    try {
      await save.mutateAsync({ caseId, opinionId: opinion.id, aspect, text: values.text, version: baseVersion });
    } catch (error) {
      const current = conflictCurrent(error, ZSavedCell);
      if (current) {
        setTheirs(current);
        return;
      }
      setFormMessage(applyServerErrors(error, form.setError, ["text"]));
      return;
    }
    setTheirs(null);
    router.refresh();
    onDone();
  });

  const loadTheirs = () => {
    if (!theirs) return;
    form.reset({ text: theirs.text });
    setBaseVersion(theirs.version);
    setTheirs(null);
    router.refresh();
  };

  const keepMine = () => {
    if (!theirs) return;
    setBaseVersion(theirs.version);
    setTheirs(null);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <ErrorSummary errors={summaryErrors(errors, { text: fieldId }, formMessage)} />
      {theirs && (
        <ConflictPanel
          version={theirs.version}
          rows={[[theirs.updatedByName ? `What ${theirs.updatedByName} saved` : "What was saved", theirs.text]]}
          onUseTheirs={loadTheirs}
          onKeepMine={keepMine}
        />
      )}
      {changed && !theirs && (
        <ConflictPanel
          changedBy={changed.updatedByName}
          version={changed.version}
          rows={[["What they saved", changed.text]]}
          onUseTheirs={() => {
            form.reset({ text: changed.text });
            setBaseVersion(changed.version);
          }}
          onKeepMine={dismiss}
        />
      )}
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
