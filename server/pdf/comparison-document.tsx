/** The comparison grid and the decision (with its earlier versions and comments) as a PDF, from the case export. */
import "server-only";
import { Document, renderToBuffer, Text, View } from "@react-pdf/renderer";
import type { CaseExport } from "@/lib/case-export";
import { COMPARISON_ASPECTS, COMPARISON_ASPECT_LABELS, ROW_MARK_LABELS } from "@/lib/comparison";
import { DECISION_PATH_LABELS } from "@/lib/decision";
import { formatDate } from "@/lib/format-date";
import { joinParts } from "@/lib/packet";
import { registerPdfFonts } from "./fonts";
import { PdfPage, Section, styles, Table, type Column } from "./parts";

type Decision = CaseExport["decisions"][number];

function DecisionBlock({ decision, nameOf }: { decision: Decision; nameOf: (id: string | null) => string }) {
  return (
    <View style={{ marginBottom: 8 }}>
      <View wrap={false}>
        <Text style={styles.bold}>{DECISION_PATH_LABELS[decision.path]}</Text>
        <Text style={styles.muted}>
          Decided on {formatDate(new Date(`${decision.decidedOn}T12:00:00Z`), "en", "UTC")} · recorded by {nameOf(decision.authorId)}
        </Text>
      </View>
      {decision.reasons.trim() ? <Text style={styles.paragraph}>Reasons: {decision.reasons}</Text> : null}
      {decision.nextSteps.trim() ? <Text style={styles.paragraph}>Next steps: {decision.nextSteps}</Text> : null}
      {decision.comments.map((c) => (
        <Text key={c.id} style={[styles.paragraph, { marginLeft: 12 }]}>
          {nameOf(c.authorId)}: {c.body}
        </Text>
      ))}
    </View>
  );
}

function ComparisonDocument({ data }: { data: CaseExport }) {
  const names = new Map(data.members.map((m) => [m.userId, m.name]));
  const nameOf = (id: string | null) => (id && names.get(id)) || "A former member";
  const cellText = (opinionId: string, aspect: string) =>
    data.comparison.cells.find((c) => c.opinionId === opinionId && c.aspect === aspect)?.text ?? "";
  const markOf = (aspect: string) => data.comparison.rows.find((r) => r.aspect === aspect)?.mark ?? null;
  const columns: Column<(typeof COMPARISON_ASPECTS)[number]>[] = [
    {
      header: "Aspect",
      width: 2,
      cell: (aspect) => {
        const mark = markOf(aspect);
        return mark ? `${COMPARISON_ASPECT_LABELS[aspect]}\n(${ROW_MARK_LABELS[mark]})` : COMPARISON_ASPECT_LABELS[aspect];
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
    <Document title={`Comparison and decision: ${data.case.title}`} author="SecondLook" language="en">
      <PdfPage landscape={data.opinions.length > 2} footer="SecondLook · comparison and decision · information, not medical advice">
        <Text style={styles.title}>Comparison and decision: {data.case.title}</Text>
        <Text style={styles.subtitle}>For {data.case.patientName}</Text>
        <Text style={styles.muted}>Exported on {formatDate(new Date(data.exportedAt), "en", "UTC")}</Text>

        <Section title="The opinions side by side">
          {data.opinions.length === 0 ? (
            <Text style={styles.muted}>No opinions have been added yet.</Text>
          ) : (
            <Table columns={columns} rows={[...COMPARISON_ASPECTS]} />
          )}
        </Section>

        <Section title="The decision">
          {current ? <DecisionBlock decision={current} nameOf={nameOf} /> : <Text style={styles.muted}>No decision has been recorded yet.</Text>}
          <Text style={styles.muted}>There is rarely a single perfect choice, and more questions are always allowed.</Text>
        </Section>

        {earlier.length > 0 && (
          <Section title="Earlier versions of the decision">
            {earlier.map((d) => (
              <DecisionBlock key={d.id} decision={d} nameOf={nameOf} />
            ))}
          </Section>
        )}
      </PdfPage>
    </Document>
  );
}

export async function renderComparisonPdf(data: CaseExport): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<ComparisonDocument data={data} />);
}
