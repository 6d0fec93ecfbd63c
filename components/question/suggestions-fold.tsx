"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { Route } from "next";
import { Suspense, useId, useState, type ReactNode } from "react";
import { onDemand } from "@/components/ui/on-demand";
import { Button } from "@/components/ui/button";
import { useQuestions } from "./live-questions";
import { openInAddress, questionsSearch, SUGGESTIONS } from "./question-groups";

const LiveSuggestedQuestions = onDemand(() => import("./suggested-questions").then((m) => m.LiveSuggestedQuestions));

/**
 * The guide's suggestions, their code loaded once they are on the page; the rest of the page does not
 * wait for it.
 */
export function SuggestedQuestions({ caseId }: { caseId: string }) {
  return (
    <Suspense>
      <LiveSuggestedQuestions caseId={caseId} />
    </Suspense>
  );
}

/**
 * On a long list, where most suggestions are likely in use, the guide's suggestions wait behind "Show
 * the suggested questions" (on a phone they are as long as the rest of the page). Opening asks the
 * server for the page with them (`?open=…,suggested`), so until then neither their code nor their
 * words are sent; folding hides them at once, and the address follows both ways.
 */
export function SuggestionsFold({ caseId, sent, children }: { caseId: string; sent: boolean; children: ReactNode }) {
  const t = useTranslations("questions.suggested");
  const router = useRouter();
  const { visit } = useQuestions();
  const panelId = useId();
  // Open as pressed here, until the page comes back rendered with or without them.
  const [pressed, setPressed] = useState({ basis: sent, open: sent });
  let open = pressed.open;
  if (pressed.basis !== sent) {
    open = sent;
    setPressed({ basis: sent, open: sent });
  }

  const toggle = () => {
    const next = !open;
    setPressed({ basis: sent, open: next });
    const shown = openInAddress();
    if (next) shown.add(SUGGESTIONS);
    else shown.delete(SUGGESTIONS);
    const url = `/cases/${caseId}/questions${questionsSearch(shown, visit)}` as Route;
    if (next && !sent) router.replace(url, { scroll: false });
    else window.history.replaceState(null, "", url);
  };

  return (
    <div className="flex flex-col gap-4">
      <div>
        <Button variant="secondary" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
          {open ? t("hide") : t("show")}
        </Button>
      </div>
      <div id={panelId} hidden={!open}>
        {sent ? (
          children
        ) : (
          <p role="status" className="text-muted">
            {open && t("loading")}
          </p>
        )}
      </div>
    </div>
  );
}
