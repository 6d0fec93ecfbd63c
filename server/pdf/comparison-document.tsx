/** The comparison grid and the decision (with its earlier versions and comments) as a PDF, from the case export. */
import "server-only";
import { Document, renderToBuffer, Text, View } from "@react-pdf/renderer";
import type { CaseExport } from "@/lib/case-export";
import { COMPARISON_ASPECTS } from "@/lib/comparison";
import { formatDate } from "@/lib/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { joinParts } from "@/lib/packet";
import { translatorFor } from "@/server/i18n/translator";
import { registerPdfFonts } from "./fonts";
import { PdfPage, Section, styles, Table, type Column } from "./parts";

type Decision = CaseExport["decisions"][number];
type T = ReturnType<typeof translatorFor>;

function DecisionBlock({ decision, nameOf, locale, t }: { decision: Decision; nameOf: (id: string | null) => string; locale: Locale; t: T }) {
  return (
    <View style={{ marginBottom: 8 }}>
      <View wrap={false}>
        {/* The decision's paths are the decision area's words (decision.paths.<path>). */}
        <Text style={styles.bold}>{t(`decision.paths.${decision.path}`)}</Text>
        <Text style={styles.muted}>
          {t("comparison.pdf.decidedOn", {
            date: formatDate(new Date(`${decision.decidedOn}T12:00:00Z`), locale, "UTC"),
            name: nameOf(decision.authorId),
          })}
        </Text>
      </View>
      {decision.reasons.trim() ? <Text style={styles.paragraph}>{t("comparison.pdf.reasons", { text: decision.reasons })}</Text> : null}
      {decision.nextSteps.trim() ? <Text style={styles.paragraph}>{t("comparison.pdf.nextSteps", { text: decision.nextSteps })}</Text> : null}
      {decision.comments.map((c) => (
        <Text key={c.id} style={[styles.paragraph, { marginLeft: 12 }]}>
          {t("comparison.pdf.comment", { name: nameOf(c.authorId), text: c.body })}
        </Text>
      ))}
    </View>
  );
}

/** The comparison and decision in `locale`: every label in that language; what people wrote stays as they wrote it. */
function ComparisonDocument({ data, locale, t }: { data: CaseExport; locale: Locale; t: T }) {
  const names = new Map(data.members.map((m) => [m.userId, m.name]));
  const nameOf = (id: string | null) => (id && names.get(id)) || t("comparison.pdf.formerMember");
  const cellText = (opinionId: string, aspect: string) =>
    data.comparison.cells.find((c) => c.opinionId === opinionId && c.aspect === aspect)?.text ?? "";
  const markOf = (aspect: string) => data.comparison.rows.find((r) => r.aspect === aspect)?.mark ?? null;
  const columns: Column<(typeof COMPARISON_ASPECTS)[number]>[] = [
    {
      header: t("comparison.pdf.aspect"),
      width: 2,
      cell: (aspect) => {
        const mark = markOf(aspect);
        const label = t(`comparison.aspect.${aspect}`);
        return mark ? `${label}\n(${t(`comparison.mark.${mark}`)})` : label;
      },
    },
    ...data.opinions.map((o) => ({
      header: joinParts(o.label, o.clinician),
      width: 3,
      cell: (aspect: (typeof COMPARISON_ASPECTS)[number]) => cellText(o.id, aspect),
    })),
  ];
  const history = [...data.decisions].reverse(); // newest first
  const [current, ...earlier] = history;
  return (
    <Document title={t("comparison.pdf.title", { title: data.case.title })} author="SecondLook" language={locale}>
      <PdfPage
        landscape={data.opinions.length > 2}
        footer={t("comparison.pdf.footer")}
        pageLabel={(page, total) => t("comparison.pdf.page", { page, total })}
      >
        <Text style={styles.title}>{t("comparison.pdf.title", { title: data.case.title })}</Text>
        <Text style={styles.subtitle}>{t("comparison.pdf.for", { name: data.case.patientName })}</Text>
        <Text style={styles.muted}>{t("comparison.pdf.exportedOn", { date: formatDate(new Date(data.exportedAt), locale, "UTC") })}</Text>

        <Section title={t("comparison.pdf.sideBySide")}>
          {data.opinions.length === 0 ? (
            <Text style={styles.muted}>{t("comparison.pdf.noOpinions")}</Text>
          ) : (
            <Table columns={columns} rows={[...COMPARISON_ASPECTS]} />
          )}
        </Section>

        <Section title={t("comparison.pdf.decision")}>
          {current ? (
            <DecisionBlock decision={current} nameOf={nameOf} locale={locale} t={t} />
          ) : (
            <Text style={styles.muted}>{t("comparison.pdf.noDecision")}</Text>
          )}
          <Text style={styles.muted}>{t("comparison.pdf.noPerfectChoice")}</Text>
        </Section>

        {earlier.length > 0 && (
          <Section title={t("comparison.pdf.earlier")}>
            {earlier.map((d) => (
              <DecisionBlock key={d.id} decision={d} nameOf={nameOf} locale={locale} t={t} />
            ))}
          </Section>
        )}
      </PdfPage>
    </Document>
  );
}

/** The comparison and decision as PDF bytes, in `locale` (chosen when downloading). */
export async function renderComparisonPdf(data: CaseExport, locale: Locale): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<ComparisonDocument data={data} locale={locale} t={translatorFor(locale)} />);
}

/** The PDF's file name, in its language. */
export function comparisonFileName(data: CaseExport, locale: Locale): string {
  return translatorFor(locale)("comparison.pdf.fileName", { title: data.case.title });
}
