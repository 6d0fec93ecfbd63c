import { Button } from "@/components/ui/button";

/**
 * A form's closing row: the submit button, which says it is working while the save runs, and a
 * secondary button that leaves the form.
 */
export function SaveOrCancel({ busy, label, busyLabel, cancelLabel, onCancel }: { busy: boolean; label: string; busyLabel: string; cancelLabel: string; onCancel: () => void }) {
  return (
    <div className="flex flex-wrap gap-3">
      <Button type="submit" disabled={busy}>
        {busy ? busyLabel : label}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        {cancelLabel}
      </Button>
    </div>
  );
}
