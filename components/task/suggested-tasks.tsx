"use client";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/inline-error";
import { MoreActions } from "@/components/ui/more-actions";
import type { TaskSuggestionView } from "@/lib/task";

/** The tasks the case suggests now: one click adds one as a task for anyone; "Not needed" is behind the menu. */
export function SuggestedTasks({ caseId, suggestions }: { caseId: string; suggestions: TaskSuggestionView[] }) {
  return (
    <ul className="flex flex-col gap-3">
      {suggestions.map((suggestion) => (
        <Suggestion key={suggestion.key} caseId={caseId} suggestion={suggestion} />
      ))}
    </ul>
  );
}

function Suggestion({ caseId, suggestion }: { caseId: string; suggestion: TaskSuggestionView }) {
  const t = useTranslations("tasks.suggestions");
  const client = useTRPCClient();
  const moreButton = useRef<HTMLButtonElement>(null);
  const add = useCaseMutation(client.task.createFromSuggestion.mutate);
  const dismiss = useCaseMutation(client.task.dismissSuggestion.mutate);
  const title = t(`${suggestion.kind}.title`, { label: suggestion.label ?? "" });
  return (
    <li className="flex flex-col gap-2 rounded-xl border border-dashed border-brand-600 bg-white p-4">
      <p className="break-words font-semibold">{title}</p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Button
          aria-label={t("addLabel", { title })}
          disabled={add.busy || dismiss.busy}
          onClick={() => void add.run({ caseId, key: suggestion.key })}
        >
          {add.busy ? t("adding") : t("add")}
        </Button>
        <div className="ml-auto">
          <MoreActions label={t("more", { title })} buttonRef={moreButton}>
            {(close) => (
              <button
                type="button"
                aria-label={t("dismissLabel", { title })}
                className="inline-flex min-h-11 w-full items-center justify-start rounded-lg border-2 border-slate-300 bg-white px-2.5 py-2 font-semibold hover:bg-slate-100"
                onClick={() => {
                  close();
                  void dismiss.run({ caseId, key: suggestion.key });
                }}
              >
                {t("dismiss")}
              </button>
            )}
          </MoreActions>
        </div>
      </div>
      <InlineError message={add.message ?? dismiss.message} />
    </li>
  );
}
