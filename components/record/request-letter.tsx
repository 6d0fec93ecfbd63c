"use client";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { DraftRestored } from "@/components/forms/draft-restored";
import { useCaseMutation } from "@/components/forms/use-case-mutation";
import { useDraft } from "@/components/forms/use-draft";
import { InlineError } from "@/components/ui/inline-error";
import { useTRPCClient } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { RecordView } from "@/lib/record";
import { draftLetter } from "./letter-text";
import { useInBrowser } from "@/components/ui/use-browser-value";

type LetterText = { otherSource: string; sendTo: string; requesterName: string };

export type LetterRecord = Pick<RecordView, "id" | "title" | "kind" | "source" | "status">;

/** The select's value for "another source", which no real source can take (sources are trimmed text). */
const OTHER = " other";

/** Today in words, in the reader's language and time zone once in the browser (UTC while rendering on the server). */
function useToday(): string {
  const locale = useLocale();
  const inBrowser = useInBrowser();
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: inBrowser ? undefined : "UTC" }).format(new Date());
}

/** The records asked for by default: the ones still needed from that source (or with no source, for another one). */
function defaultsFor(records: LetterRecord[], choice: string): Set<string> {
  const source = choice === OTHER ? "" : choice;
  return new Set(records.filter((r) => r.status === "needed" && r.source.trim() === source).map((r) => r.id));
}

/**
 * Drafts a letter asking one source for copies of records: the person picks the source and the
 * records, says where they should go and who is asking; the letter can be copied or printed, and
 * the records asked for marked as requested.
 */
export function RequestLetter({
  caseId,
  patientName,
  records,
  canEdit,
}: {
  caseId: string;
  patientName: string;
  records: LetterRecord[];
  canEdit: boolean;
}) {
  const t = useTranslations("records");
  const client = useTRPCClient();
  const today = useToday();
  const letterBox = useRef<HTMLTextAreaElement>(null);
  const sources = useMemo(
    () => [...new Set(records.map((r) => r.source.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b)),
    [records],
  );
  const [choice, setChoice] = useState(() => sources[0] ?? OTHER);
  const [selected, setSelected] = useState(() => defaultsFor(records, sources[0] ?? OTHER));
  // The typed parts live in a form only so that the one draft hook keeps them on this device.
  const form = useForm<LetterText>({ defaultValues: { otherSource: "", sendTo: "", requesterName: patientName } });
  const draft = useDraft(form, { caseId, name: "records-letter", fields: ["otherSource", "sendTo", "requesterName"] });
  const { otherSource, sendTo, requesterName } = useWatch({ control: form.control }) as LetterText;
  const [copyStatus, setCopyStatus] = useState("");
  const [marked, setMarked] = useState("");
  const markRequested = useCaseMutation(client.record.markRequested.mutate);

  const source = choice === OTHER ? otherSource : choice;
  const chosen = records.filter((r) => selected.has(r.id));
  const letter = draftLetter({ date: today, source, patientName, requesterName, records: chosen, sendTo }, t);

  const onChooseSource = (value: string) => {
    setChoice(value);
    setSelected(defaultsFor(records, value));
    setCopyStatus("");
    setMarked("");
  };

  // The source's name is typed only after choosing "another source": a draft holding one brings that choice back.
  const [choiceRestored, setChoiceRestored] = useState(false);
  if (draft.restored && !choiceRestored) {
    setChoiceRestored(true);
    if (otherSource.trim() !== "" && choice !== OTHER) onChooseSource(OTHER);
  }

  const toggle = (id: string, on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
    setCopyStatus("");
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(letter);
      setCopyStatus(t("letter.copied"));
    } catch {
      // No clipboard access (an older browser, or a page not served over https): select it for the person.
      letterBox.current?.focus();
      letterBox.current?.select();
      setCopyStatus(t("letter.copyFailed"));
    }
  };

  const onMarkRequested = async () => {
    setMarked("");
    if (chosen.length === 0) {
      markRequested.setMessage(t("letter.tickOne"));
      return;
    }
    const outcome = await markRequested.run({ caseId, ids: chosen.map((r) => r.id) });
    if (!outcome.ok) return;
    // The letter has gone: what was typed for it need not wait on this device any more.
    draft.saved();
    const { updated } = outcome.data;
    const skipped = chosen.length - updated;
    setMarked([t("letter.marked", { updated }), skipped > 0 ? t("letter.skipped", { skipped }) : ""].filter(Boolean).join(" "));
  };

  const sourceOptions = [
    ...sources.map((s) => ({ value: s, label: s })),
    { value: OTHER, label: sources.length > 0 ? t("letter.anotherSource") : t("letter.newSource") },
  ];

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-6 print:hidden">
        <DraftRestored show={draft.restored} onDismiss={draft.dismiss} />
        <section aria-labelledby="letter-who-title" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="letter-who-title" className="text-2xl font-semibold">
            {t("letter.whoTitle")}
          </h2>
          <SelectField
            id="letter-source"
            label={t("letter.source")}
            hint={t("letter.sourceHint")}
            options={sourceOptions}
            value={choice}
            onChange={(e) => onChooseSource(e.target.value)}
          />
          {choice === OTHER && (
            <TextField
              id="letter-other-source"
              label={t("letter.otherSource")}
              hint={t("letter.otherSourceHint")}
              autoComplete="off"
              {...form.register("otherSource")}
            />
          )}
          {records.length === 0 ? (
            <p className="text-muted">{t("letter.noRecords")}</p>
          ) : (
            <fieldset className="flex flex-col gap-3">
              <legend className="mb-1 font-semibold">{t("letter.recordsLegend")}</legend>
              <p className="text-sm text-muted">
                {choice === OTHER ? t("letter.tickedAtFirstOther") : t("letter.tickedAtFirst")}
              </p>
              {records.map((record) => (
                <Checkbox
                  key={record.id}
                  id={`letter-record-${record.id}`}
                  label={record.title}
                  hint={
                    record.source
                      ? t("letter.recordHintFrom", { kind: t(`kind.${record.kind}`), source: record.source, status: t(`status.${record.status}`) })
                      : t("letter.recordHintNoSource", { kind: t(`kind.${record.kind}`), status: t(`status.${record.status}`) })
                  }
                  checked={selected.has(record.id)}
                  onChange={(e) => toggle(record.id, e.target.checked)}
                />
              ))}
            </fieldset>
          )}
        </section>

        <section aria-labelledby="letter-where-title" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="letter-where-title" className="text-2xl font-semibold">
            {t("letter.whereTitle")}
          </h2>
          <TextArea
            id="letter-send-to"
            label={t("letter.sendTo")}
            hint={t("letter.sendToHint")}
            rows={3}
            {...form.register("sendTo")}
          />
          <TextField
            id="letter-requester"
            label={t("letter.requester")}
            hint={t("letter.requesterHint", { patient: patientName })}
            autoComplete="name"
            {...form.register("requesterName")}
          />
        </section>
      </div>

      <section aria-labelledby="letter-title" className="flex flex-col gap-4">
        <h2 id="letter-title" className="text-2xl font-semibold print:hidden">
          {t("letter.letterTitle")}
        </h2>
        <div className="flex flex-col gap-1 print:hidden">
          <label htmlFor="letter-text" className="font-semibold">
            {t("letter.letterLabel")}
          </label>
          <p id="letter-text-hint" className="text-sm text-muted">
            {t("letter.letterHint")}
          </p>
          <textarea
            ref={letterBox}
            id="letter-text"
            readOnly
            aria-describedby="letter-text-hint"
            value={letter}
            rows={Math.min(30, letter.split("\n").length + 2)}
            className="w-full rounded-lg border border-slate-400 bg-white px-3 py-2 font-serif text-base text-ink"
          />
        </div>
        {/* What prints: the letter alone, as text (a text box would be cut off on paper). */}
        <div className="hidden whitespace-pre-wrap break-words font-serif text-base print:block">{letter}</div>
        <div className="flex flex-wrap items-center gap-3 print:hidden">
          <Button variant="secondary" onClick={() => void copy()}>
            {t("letter.copy")}
          </Button>
          <Button variant="secondary" onClick={() => window.print()}>
            {t("letter.print")}
          </Button>
          <p role="status" className="text-sm font-semibold">
            {copyStatus}
          </p>
        </div>
      </section>

      {canEdit && records.length > 0 && (
        <section aria-labelledby="letter-mark-title" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5 print:hidden">
          <h2 id="letter-mark-title" className="text-2xl font-semibold">
            {t("letter.sentTitle")}
          </h2>
          <p>{t("letter.sentIntro")}</p>
          <div>
            <Button disabled={markRequested.busy} onClick={() => void onMarkRequested()}>
              {markRequested.busy ? t("letter.saving") : t("letter.markRequested")}
            </Button>
          </div>
          <p role="status" className="font-semibold text-brand-700 empty:hidden">
            {marked}
          </p>
          <InlineError message={markRequested.message} />
        </section>
      )}
    </div>
  );
}
