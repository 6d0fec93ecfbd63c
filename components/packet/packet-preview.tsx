import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { packetContents } from "@/lib/vocabulary/packet";
import type { Packet } from "@/lib/packet";
import { VisitTime } from "@/components/opinion/visit-time";
import { type PacketSection, joinParts } from "@/lib/vocabulary/packet";

function Part({ section, children }: { section: PacketSection; children: ReactNode }) {
  const t = useTranslations("packet");
  return (
    <section aria-labelledby={`packet-${section}`} className="flex flex-col gap-2 break-inside-avoid-page">
      <h3 id={`packet-${section}`} className="border-b border-slate-300 pb-1 text-xl font-semibold">
        {t(`section.${section}`)}
      </h3>
      {children}
    </section>
  );
}

// Fixed layout and breaking anywhere keep the table inside a 320 px screen (WCAG reflow).
const cell = "border border-slate-300 px-1.5 py-1 text-left align-top [overflow-wrap:anywhere] sm:px-2";

function Table({ headers, rows }: { headers: string[]; rows: { id: string; cells: string[] }[] }) {
  return (
    <table className="w-full table-fixed border-collapse text-sm sm:text-base">
      <thead>
        <tr className="bg-slate-100">
          {headers.map((h) => (
            <th key={h} scope="col" className={cell}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="break-inside-avoid">
            {row.cells.map((c, i) => (
              <td key={i} className={cell}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const None = ({ children }: { children: ReactNode }) => <p className="text-muted">{children}</p>;

/** The packet as it prints: the chosen sections and items only, as plain text and tables. */
export function PacketPreview({ packet }: { packet: Packet }) {
  const t = useTranslations("packet");
  const tAll = useTranslations();
  const c = packetContents(packet);
  const { opinion } = packet;
  return (
    <article aria-labelledby="packet-title" className="flex flex-col gap-5 rounded-xl border border-slate-200 bg-white p-3 sm:p-6 print:border-0 print:p-0">
      <header>
        <h2 id="packet-title" className="text-2xl font-bold">
          {t("sheet.title", { label: opinion.label })}
        </h2>
        <p>{joinParts(opinion.clinician, opinion.specialty, opinion.institution)}</p>
        <p>
          {tAll(`opinions.kind.${opinion.kind}.name`)} ·{" "}
          {opinion.visitAt ? t.rich("sheet.visit", { date: () => <VisitTime date={opinion.visitAt!} zone={opinion.visitTimeZone} /> }) : t("sheet.noVisit")}
        </p>
        {opinion.visitPlace && <p className="break-words">{opinion.visitPlace}</p>}
      </header>
      {c.patientName !== null && (
        <Part section="patient">
          <p>{c.patientName}</p>
        </Part>
      )}
      {c.understanding !== null && (
        <Part section="understanding">
          <p className="whitespace-pre-wrap">{c.understanding.trim() || t("sheet.notWritten")}</p>
        </Part>
      )}
      {c.decision !== null && (
        <Part section="decision">
          <p className="whitespace-pre-wrap">{c.decision.trim() || t("sheet.notWritten")}</p>
        </Part>
      )}
      {c.on("questions") && (
        <Part section="questions">
          {c.questions.length === 0 ? (
            <None>{t("sheet.noQuestions")}</None>
          ) : (
            <ol className="ml-6 list-decimal">
              {c.questions.map((q) => (
                <li key={q.id} className="mb-2 break-inside-avoid">
                  {q.text}
                </li>
              ))}
            </ol>
          )}
        </Part>
      )}
      {c.on("medications") && (
        <Part section="medications">
          {c.medications.length === 0 ? (
            <None>{t("sheet.noneListed")}</None>
          ) : (
            <Table
              headers={[t("sheet.medication"), t("sheet.dose"), t("sheet.howOften"), t("sheet.purpose")]}
              rows={c.medications.map((m) => ({ id: m.id, cells: [m.name, m.dose, m.frequency, joinParts(m.purpose, m.prescriber)] }))}
            />
          )}
        </Part>
      )}
      {c.on("allergies") && (
        <Part section="allergies">
          {c.allergies.length === 0 ? (
            <None>{t("sheet.noneListed")}</None>
          ) : (
            <Table
              headers={[t("sheet.substance"), t("sheet.reaction"), t("sheet.severity")]}
              rows={c.allergies.map((a) => ({ id: a.id, cells: [a.substance, a.reaction, tAll(`healthLists.severity.${a.severity}`)] }))}
            />
          )}
        </Part>
      )}
      {c.on("procedures") && (
        <Part section="procedures">
          {c.procedures.length === 0 ? (
            <None>{t("sheet.noneListed")}</None>
          ) : (
            <Table
              headers={[t("sheet.procedure"), t("sheet.when"), t("sheet.where")]}
              rows={c.procedures.map((p) => ({ id: p.id, cells: [p.what, p.whenText, joinParts(p.place, p.description)] }))}
            />
          )}
        </Part>
      )}
      {c.on("records") && (
        <Part section="records">
          {c.records.length === 0 ? (
            <None>{t("sheet.noRecords")}</None>
          ) : (
            <Table
              headers={[t("sheet.record"), t("sheet.kind"), t("sheet.status"), t("sheet.files")]}
              rows={c.records.map((r) => ({
                id: r.id,
                cells: [joinParts(r.title, r.source), tAll(`records.kind.${r.kind}`), tAll(`records.status.${r.status}`), r.fileNames.join(", ")],
              }))}
            />
          )}
        </Part>
      )}
      {c.on("people") && (
        <Part section="people">
          {c.people.length === 0 && !c.comingAlong ? (
            <None>{t("sheet.noOne")}</None>
          ) : (
            <ul className="ml-6 list-disc">
              {c.people.map((p) => (
                <li key={p.id}>
                  {t("sheet.person", { name: p.name, role: tAll(`sharing.roles.${p.role}.name`).toLocaleLowerCase() })}
                </li>
              ))}
              {c.comingAlong && <li>{c.comingAlong}</li>}
            </ul>
          )}
        </Part>
      )}
      <p className="text-sm text-muted">{t("sheet.footer")}</p>
    </article>
  );
}
