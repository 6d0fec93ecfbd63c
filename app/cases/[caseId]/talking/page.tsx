import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/ui/copy-button";
import { ASKING_SCRIPTS, CHOOSING_WHERE, DOCTOR_MAY_ASK, RECORDS_SCRIPTS, SUPPORT_AND_TIME, type ScriptKey } from "@/lib/talking";
import { visitSection } from "../visit-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("talking");
  return { title: t("title") };
}

type Props = { params: Promise<{ caseId: string }> };

/** One script: its words as a quotation, and a Copy button. The words are copied in the reader's language. */
function ScriptCard({ script, headingLevel = 3 }: { script: ScriptKey; headingLevel?: 3 | 4 }) {
  const t = useTranslations("talking.scripts");
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const textId = `script-${script}`;
  const title = t(`${script}.title`);
  const text = t(`${script}.text`);
  return (
    <li className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
      <Heading className="text-lg font-semibold">{title}</Heading>
      <blockquote id={textId} className="border-l-4 border-brand-600 pl-4 text-lg">
        {text}
      </blockquote>
      <CopyButton text={text} targetId={textId} name={title} />
    </li>
  );
}

/** Words for talking with the current doctor, where to look for a second opinion, and looking after yourself. */
export default async function TalkingPage({ params }: Props) {
  const { caseId } = await params;
  await visitSection(caseId, "talking");
  const t = await getTranslations("talking");
  const { bringSomeone, takeTime } = SUPPORT_AND_TIME;
  return (
    <div className="flex max-w-3xl flex-col gap-10">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("intro")}</p>
      </div>

      <section aria-labelledby="asking-title" className="flex flex-col gap-4">
        <h2 id="asking-title" className="text-2xl font-semibold">
          {t("asking.title")}
        </h2>
        <ul className="flex flex-col gap-4">
          {ASKING_SCRIPTS.map((script) => (
            <ScriptCard key={script} script={script} />
          ))}
        </ul>
        <p className="text-muted">{t("asking.after")}</p>
      </section>

      <section aria-labelledby="records-title" className="flex flex-col gap-4">
        <h2 id="records-title" className="text-2xl font-semibold">
          {t("records.title")}
        </h2>
        <ul className="flex flex-col gap-4">
          {RECORDS_SCRIPTS.map((script) => (
            <ScriptCard key={script} script={script} />
          ))}
        </ul>
        <p>{t.rich("records.after", { link: (chunks) => <Link href={`/cases/${caseId}/records`}>{chunks}</Link> })}</p>
      </section>

      <section aria-labelledby="doctor-asks-title" className="flex flex-col gap-4">
        <h2 id="doctor-asks-title" className="text-2xl font-semibold">
          {t("doctorAsks.title")}
        </h2>
        <ul className="flex flex-col gap-4">
          {DOCTOR_MAY_ASK.map((answer) => (
            <li key={answer} className="flex flex-col gap-3">
              <h3 className="text-lg font-semibold">{t("doctorAsks.question", { question: t(`doctorAsks.questions.${answer}`) })}</h3>
              <ul>
                <ScriptCard script={answer} headingLevel={4} />
              </ul>
            </li>
          ))}
        </ul>
        <p className="text-muted">
          {t.rich("doctorAsks.after", { link: (chunks) => <Link href={`/cases/${caseId}/questions`}>{chunks}</Link> })}
        </p>
      </section>

      <section aria-labelledby="where-title" className="flex flex-col gap-4">
        <h2 id="where-title" className="text-2xl font-semibold">
          {t("where.title")}
        </h2>
        <p>{t("where.intro")}</p>
        <dl className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
          {CHOOSING_WHERE.map((kind) => (
            <div key={kind}>
              <dt className="font-semibold">{t(`where.kinds.${kind}.name`)}</dt>
              <dd>{t(`where.kinds.${kind}.explanation`)}</dd>
            </div>
          ))}
        </dl>
        <p>{t.rich("where.after", { link: (chunks) => <Link href={`/cases/${caseId}/opinions`}>{chunks}</Link> })}</p>
      </section>

      <section aria-labelledby="support-title" className="flex flex-col gap-4">
        <h2 id="support-title" className="text-2xl font-semibold">
          {t("support.title")}
        </h2>
        <p>{t("support.intro")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <section aria-labelledby="bring-someone-title" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
            <h3 id="bring-someone-title" className="text-lg font-semibold">
              {t("support.bringSomeone.title")}
            </h3>
            <p className="mt-2">{t("support.bringSomeone.forExample")}</p>
            <ul className="list-disc pl-5">
              {bringSomeone.who.map((who) => (
                <li key={who}>{t(`support.bringSomeone.who.${who}`)}</li>
              ))}
            </ul>
            <p className="mt-2">{t("support.bringSomeone.helpBy")}</p>
            <ul className="list-disc pl-5">
              {bringSomeone.how.map((how) => (
                <li key={how}>{t(`support.bringSomeone.how.${how}`)}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="take-time-title" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
            <h3 id="take-time-title" className="text-lg font-semibold">
              {t("support.takeTime.title")}
            </h3>
            <ul className="mt-2 list-disc pl-5">
              {takeTime.steps.map((step) => (
                <li key={step}>{t(`support.takeTime.steps.${step}`)}</li>
              ))}
            </ul>
            <p className="mt-2">{t("support.takeTime.note")}</p>
          </section>
        </div>
        <p className="text-sm text-muted">{t("support.notAdvice")}</p>
      </section>
    </div>
  );
}
