"use client";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { onDemand } from "@/components/ui/on-demand";
import { Button } from "@/components/ui/button";
import type { TCaseDetails } from "@/lib/case";

// Loaded when someone opens it: the overview's first load carries no form code.
const CaseDetailsForm = onDemand(() => import("@/components/case/case-details-form").then((m) => m.CaseDetailsForm));

/** "Edit details" for the owner: reveals the edit form in place, and hands focus back when it closes. */
export function CaseDetailsEditor({ caseId, details, version }: { caseId: string; details: TCaseDetails; version: number }) {
  const t = useTranslations("cases.details");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div className="flex flex-col gap-4">
      <div>
        <Button ref={toggle} variant="secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((v) => !v)}>
          {open ? t("closeEditing") : t("edit")}
        </Button>
      </div>
      <div id={panelId} hidden={!open} className="rounded-xl border border-slate-200 bg-white p-5">
        {open && <CaseDetailsForm caseId={caseId} details={details} version={version} onDone={close} />}
      </div>
    </div>
  );
}
