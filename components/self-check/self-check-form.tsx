"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { conflictCurrent } from "@/components/forms/conflict";
import { ConflictPanel } from "@/components/forms/conflict-panel";
import { actionErrorMessage } from "@/components/forms/form-errors";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SELF_CHECK_SITUATIONS, SELF_CHECK_SITUATION_LABELS, TIMING_CAUTIONS, TIMING_CAUTION_LABELS } from "@/lib/self-check";
import { SafetyAlert } from "./safety-alert";
import { SelfCheckFields, type SelfCheckAnswers } from "./self-check-fields";
import { SelfCheckSummary } from "./self-check-summary";

/** The answers someone else saved first, carried by a CONFLICT. */
const ZSavedSelfCheck = z.object({
  situations: z.array(z.enum(SELF_CHECK_SITUATIONS)),
  cautions: z.array(z.enum(TIMING_CAUTIONS)),
  version: z.number().int(),
});
type SavedSelfCheck = z.infer<typeof ZSavedSelfCheck>;

/**
 * The case's self-check, for the owner and supporters. The safety message shows the moment a timing
 * answer is ticked, before saving; saving such answers marks the case urgent.
 */
export function SelfCheckForm({ caseId, saved }: { caseId: string; saved: SavedSelfCheck | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [answers, setAnswers] = useState<SelfCheckAnswers>({
    situations: saved?.situations ?? [],
    cautions: saved?.cautions ?? [],
  });
  const [baseVersion, setBaseVersion] = useState(saved?.version ?? 0);
  const [theirs, setTheirs] = useState<SavedSelfCheck | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const save = useMutation(trpc.selfCheck.save.mutationOptions());

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    setStatus("");
    try {
      const result = await save.mutateAsync({ caseId, ...answers, version: baseVersion });
      setBaseVersion(result.version);
      setTheirs(null);
      setStatus(
        result.urgent
          ? "Your answers are saved. The case is marked urgent, so the safety message stays on its overview."
          : "Your answers are saved.",
      );
      router.refresh();
    } catch (error) {
      const current = conflictCurrent(error, ZSavedSelfCheck);
      if (current) setTheirs(current);
      else setMessage(actionErrorMessage(error));
    }
  };

  const onChange = (next: SelfCheckAnswers) => {
    setAnswers(next);
    setStatus("");
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <SafetyAlert cautions={answers.cautions} />
      <ErrorSummary errors={message ? [{ message }] : []} title="Your answers were not saved" />
      {theirs && (
        <ConflictPanel
          version={theirs.version}
          rows={[
            ["Timing", theirs.cautions.map((c) => TIMING_CAUTION_LABELS[c].label).join("; ")],
            ["Situations", theirs.situations.map((s) => SELF_CHECK_SITUATION_LABELS[s].label).join("; ")],
          ]}
          onUseTheirs={() => {
            setAnswers({ situations: theirs.situations, cautions: theirs.cautions });
            setBaseVersion(theirs.version);
            setTheirs(null);
            router.refresh();
          }}
          onKeepMine={() => {
            setBaseVersion(theirs.version);
            setTheirs(null);
          }}
        />
      )}
      <SelfCheckFields idPrefix="self-check" value={answers} onChange={onChange} />
      <SelfCheckSummary situations={answers.situations} cautions={answers.cautions} />
      <div className="flex flex-col gap-2">
        <div>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save my answers"}
          </Button>
        </div>
        <p role="status" className="font-semibold text-brand-700 empty:hidden">
          {status}
        </p>
      </div>
    </form>
  );
}
