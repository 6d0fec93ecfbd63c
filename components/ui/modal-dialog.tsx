"use client";
/**
 * A modal dialog on the browser's own <dialog>: focus moves into it and stays there, Escape closes it,
 * the page behind is inert, and screen readers announce its title. `role="alertdialog"` for a
 * dialog that interrupts (the session warning).
 */
import { useEffect, useRef, type ReactNode } from "react";

export function ModalDialog({
  open,
  titleId,
  descriptionId,
  onCancel,
  role,
  children,
}: {
  open: boolean;
  titleId: string;
  descriptionId?: string;
  /** Escape (or the browser closing it): the dialog is asked to close. */
  onCancel: () => void;
  role?: "alertdialog";
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      role={role}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-[32rem] max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-6 text-ink shadow-xl backdrop:bg-slate-900/50"
    >
      {open && children}
    </dialog>
  );
}
