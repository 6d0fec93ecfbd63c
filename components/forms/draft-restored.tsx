"use client";
/** The short note a form shows when it put back text kept on this device (use-draft.ts). */
export function DraftRestored({ show, onDismiss }: { show: boolean; onDismiss: () => void }) {
  return (
    <div role="status" className="empty:hidden">
      {show && (
        <p className="flex flex-wrap items-center gap-3 rounded-lg border-l-4 border-brand-600 bg-brand-50 px-4 py-2">
          <span>Restored your unsaved text. It was kept on this device only.</span>
          <button type="button" onClick={onDismiss} className="min-h-11 px-2 font-semibold underline">
            OK
          </button>
        </p>
      )}
    </div>
  );
}
