import type { Metadata } from "next";
import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import { ASKING_SCRIPTS, CHOOSING_WHERE, DOCTOR_MAY_ASK, RECORDS_SCRIPTS, SUPPORT_AND_TIME, type Script } from "@/lib/talking";
import { visitSection } from "../visit-section";

export const metadata: Metadata = { title: "Talking to your doctor" };

type Props = { params: Promise<{ caseId: string }> };

/** One script: its words as a quotation, and a Copy button. */
function ScriptCard({ script, headingLevel = 3 }: { script: Script; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const textId = `script-${script.key}`;
  return (
    <li className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
      <Heading className="text-lg font-semibold">{script.title}</Heading>
      <blockquote id={textId} className="border-l-4 border-brand-600 pl-4 text-lg">
        {script.text}
      </blockquote>
      <CopyButton text={script.text} targetId={textId} name={script.title} />
    </li>
  );
}

/** Words for talking with the current doctor, where to look for a second opinion, and looking after yourself. */
export default async function TalkingPage({ params }: Props) {
  const { caseId } = await params;
  await visitSection(caseId, "talking");
  const { bringSomeone, takeTime } = SUPPORT_AND_TIME;
  return (
    <div className="flex max-w-3xl flex-col gap-10">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Talking to your doctor</h1>
        <p>
          Asking for a second opinion can feel awkward, but most clinicians see it as a normal part of care. Being open
          about it usually makes things easier. Use these words as they are, or change them to sound like you.
        </p>
      </div>

      <section aria-labelledby="asking-title" className="flex flex-col gap-4">
        <h2 id="asking-title" className="text-2xl font-semibold">
          Asking for a second opinion
        </h2>
        <ul className="flex flex-col gap-4">
          {ASKING_SCRIPTS.map((script) => (
            <ScriptCard key={script.key} script={script} />
          ))}
        </ul>
        <p className="text-muted">
          Many doctors will then offer copies of your records, suggest colleagues or kinds of specialist, and say which
          parts of your case could most use another look.
        </p>
      </section>

      <section aria-labelledby="records-title" className="flex flex-col gap-4">
        <h2 id="records-title" className="text-2xl font-semibold">
          Asking for your records
        </h2>
        <ul className="flex flex-col gap-4">
          {RECORDS_SCRIPTS.map((script) => (
            <ScriptCard key={script.key} script={script} />
          ))}
        </ul>
        <p>
          You can keep track of what you asked for, and print a request letter, under{" "}
          <Link href={`/cases/${caseId}/records`}>Records</Link>.
        </p>
      </section>

      <section aria-labelledby="doctor-asks-title" className="flex flex-col gap-4">
        <h2 id="doctor-asks-title" className="text-2xl font-semibold">
          What your doctor may ask you
        </h2>
        <ul className="flex flex-col gap-4">
          {DOCTOR_MAY_ASK.map(({ question, answer }) => (
            <li key={answer.key} className="flex flex-col gap-3">
              <h3 className="text-lg font-semibold">“{question}”</h3>
              <ul>
                <ScriptCard script={answer} headingLevel={4} />
              </ul>
            </li>
          ))}
        </ul>
        <p className="text-muted">
          Saying what you hope to get from the second opinion (more clarity, other options, the long-term picture)
          helps everyone prepare. Your questions are under <Link href={`/cases/${caseId}/questions`}>Questions</Link>.
        </p>
      </section>

      <section aria-labelledby="where-title" className="flex flex-col gap-4">
        <h2 id="where-title" className="text-2xl font-semibold">
          Choosing where to go
        </h2>
        <p>
          There is no single right place. It depends on your condition, where you live, your insurance and what you
          prefer. These are the usual kinds of second opinion:
        </p>
        <dl className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
          {CHOOSING_WHERE.map((kind) => (
            <div key={kind.kind}>
              <dt className="font-semibold">{kind.name}</dt>
              <dd>{kind.explanation}</dd>
            </div>
          ))}
        </dl>
        <p>
          When you have chosen, add the visit under <Link href={`/cases/${caseId}/opinions`}>Opinions</Link>, with its
          insurance questions and any calls you make.
        </p>
      </section>

      <section aria-labelledby="support-title" className="flex flex-col gap-4">
        <h2 id="support-title" className="text-2xl font-semibold">
          Looking after yourself
        </h2>
        <p>
          Another opinion can bring reassurance, and it can also bring worry for a while as you weigh things up. Two
          things often help.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <section aria-labelledby="bring-someone-title" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
            <h3 id="bring-someone-title" className="text-lg font-semibold">
              {bringSomeone.title}
            </h3>
            <p className="mt-2">For example:</p>
            <ul className="list-disc pl-5">
              {bringSomeone.who.map((who) => (
                <li key={who}>{who}</li>
              ))}
            </ul>
            <p className="mt-2">They can help by:</p>
            <ul className="list-disc pl-5">
              {bringSomeone.how.map((how) => (
                <li key={how}>{how}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="take-time-title" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
            <h3 id="take-time-title" className="text-lg font-semibold">
              {takeTime.title}
            </h3>
            <ul className="mt-2 list-disc pl-5">
              {takeTime.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ul>
            <p className="mt-2">{takeTime.note}</p>
          </section>
        </div>
        <p className="text-sm text-muted">
          SecondLook gives information to help you organise and reflect. It does not give medical advice or recommend a
          clinician.
        </p>
      </section>
    </div>
  );
}
