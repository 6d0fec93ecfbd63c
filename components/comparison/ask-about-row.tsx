"use client";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { onDemand } from "@/components/ui/on-demand";
import type { ComparisonAspect } from "@/lib/vocabulary/comparison";
import type { ComparisonColumnView } from "@/lib/comparison";

const AskForm = onDemand(() => import("./ask-form").then((m) => m.AskForm));

/**
 * "Ask about this": from one row of the grid, a clarifying question from the guide goes to the
 * question list for the chosen clinician in one step.
 */
export function AskAboutRow({ caseId, aspect, opinions }: { caseId: string; aspect: ComparisonAspect; opinions: ComparisonColumnView[] }) {
  const t = useTranslations("comparison.ask");
  const aspectName = useTranslations("comparison.aspect");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const aspectLabel = aspectName(aspect);
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button
          ref={toggle}
          variant="secondary"
          aria-label={open ? t("closeLabel", { aspect: aspectLabel }) : t("openLabel", { aspect: aspectLabel })}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((v) => !v)}
        >
          {open ? t("close") : t("open")}
        </Button>
      </div>
      <div id={panelId} hidden={!open}>
        {open && (
          <AskForm
            caseId={caseId}
            aspect={aspect}
            opinions={opinions}
            idPrefix={`ask-${aspect}`}
            onCancel={() => {
              setOpen(false);
              toggle.current?.focus();
            }}
          />
        )}
      </div>
    </div>
  );
}
