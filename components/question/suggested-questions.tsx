"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { QUESTION_BANK } from "@/lib/vocabulary/question";
import { useQuestions } from "./live-questions";

type Suggestion = (typeof QUESTION_BANK)[number];

/** The bank's topics in the order they first appear. */
const TOPICS = [...new Set(QUESTION_BANK.map((q) => q.topic))].map((topic) => ({
  topic,
  questions: QUESTION_BANK.filter((q) => q.topic === topic),
}));

/**
 * Questions from the guide, grouped by topic; each can be added to the list once, in one click. Those
 * already added come from the page's live list. On a long list the page sends this part, its code and
 * its words only once asked for (suggestions-fold.tsx).
 */
export function LiveSuggestedQuestions({ caseId }: { caseId: string }) {
  const t = useTranslations("questions.suggested");
  const topics = useTranslations("questions.topics");
  const bank = useTranslations("questions.bank");
  const added = new Set(useQuestions().summary.bankKeys);
  const [status, setStatus] = useState("");
  return (
    <div className="flex flex-col gap-6">
      {TOPICS.map(({ topic, questions }) => (
        <section key={topic} aria-labelledby={`suggested-${topic}`} className="flex flex-col gap-3">
          <h3 id={`suggested-${topic}`} className="text-xl font-semibold">
            {topics(topic)}
          </h3>
          <ul className="flex flex-col gap-3">
            {questions.map((suggestion) => (
              <SuggestionItem
                key={suggestion.key}
                caseId={caseId}
                suggestion={suggestion}
                added={added.has(suggestion.key)}
                onAdded={() => setStatus(t("addedStatus", { question: bank(suggestion.key) }))}
              />
            ))}
          </ul>
        </section>
      ))}
      <p role="status" className="sr-only">
        {status}
      </p>
    </div>
  );
}

function SuggestionItem({
  caseId,
  suggestion,
  added,
  onAdded,
}: {
  caseId: string;
  suggestion: Suggestion;
  added: boolean;
  onAdded: () => void;
}) {
  const t = useTranslations("questions.suggested");
  const bank = useTranslations("questions.bank");
  const text = bank(suggestion.key);
  const client = useTRPCClient();
  const router = useRouter();
  const add = useCaseMutation(client.question.addFromBank.mutate, { createsOnce: true });
  // Shown as added from the moment it succeeds, before the refreshed list arrives.
  const done = added || add.succeeded;
  const unavailable = done || add.busy;

  const onClick = async () => {
    // aria-disabled rather than disabled, so focus stays on the button after adding.
    if (unavailable) return;
    const outcome = await add.run({ caseId, bankKey: suggestion.key });
    if (outcome.ok) onAdded();
    // Refused (e.g. someone else added it meanwhile): the refreshed list shows how it is now.
    else router.refresh();
  };

  return (
    <li className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4 sm:flex-row sm:items-center sm:justify-between">
      <p className="break-words">{text}</p>
      <div className="flex shrink-0 flex-col gap-1">
        <button
          type="button"
          aria-label={t(done ? "addedLabel" : add.busy ? "addingLabel" : "addLabel", { question: text })}
          aria-disabled={unavailable}
          onClick={() => void onClick()}
          className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border px-5 py-2.5 font-semibold ${
            unavailable ? "cursor-default border-slate-200 bg-slate-100 text-muted" : "border-slate-300 bg-white text-ink hover:bg-slate-100"
          }`}
        >
          {done ? t("added") : add.busy ? t("adding") : t("add")}
        </button>
        <InlineError message={add.message} />
      </div>
    </li>
  );
}
