/** The visit packet as a PDF: what the person chose to bring to one clinician's visit. */
import "server-only";
import { Document, renderToBuffer, Text, View } from "@react-pdf/renderer";
import { formatDateTime } from "@/lib/format-date";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { translatorFor } from "@/server/i18n/translator";
import { ROLE_LABELS } from "@/lib/member";
import { OPINION_KIND_LABELS } from "@/lib/opinion";
import { PACKET_SECTION_LABELS, joinParts } from "@/lib/packet";
import { RECORD_KIND_LABELS, RECORD_STATUS_LABELS } from "@/lib/record";
import { packetContents, type Packet } from "@/lib/packet";
import { registerPdfFonts } from "./fonts";
import { PdfPage, Section, styles, Table } from "./parts";

function packetTitle(packet: Packet): string {
  return `Visit packet: ${packet.opinion.label}`;
}

function PacketDocument({ packet, timeZone }: { packet: Packet; timeZone: string }) {
  // The packet's own language arrives with its translation (chosen when downloading); English until then.
  const t = translatorFor(DEFAULT_LOCALE);
  const c = packetContents(packet);
  const { opinion } = packet;
  return (
    <Document title={packetTitle(packet)} author="SecondLook" language="en">
      <PdfPage footer="SecondLook visit packet · information to share, not medical advice">
        <Text style={styles.title}>{packetTitle(packet)}</Text>
        <Text style={styles.subtitle}>{joinParts(opinion.clinician, opinion.specialty, opinion.institution)}</Text>
        <Text style={styles.subtitle}>
          {joinParts(
            OPINION_KIND_LABELS[opinion.kind].name,
            opinion.visitAt ? `Visit: ${formatDateTime(opinion.visitAt, "en", timeZone)}` : "Visit date not set yet",
          )}
        </Text>

        {c.patientName !== null && (
          <Section title={PACKET_SECTION_LABELS.patient}>
            <Text>{c.patientName}</Text>
          </Section>
        )}
        {c.understanding !== null && (
          <Section title={PACKET_SECTION_LABELS.understanding}>
            <Text>{c.understanding.trim() || "Not written yet."}</Text>
          </Section>
        )}
        {c.decision !== null && (
          <Section title={PACKET_SECTION_LABELS.decision}>
            <Text>{c.decision.trim() || "Not written yet."}</Text>
          </Section>
        )}
        {c.on("questions") && (
          <Section title={PACKET_SECTION_LABELS.questions}>
            {c.questions.length === 0 ? (
              <Text style={styles.muted}>No questions chosen.</Text>
            ) : (
              c.questions.map((q, i) => (
                <View key={q.id} wrap={false} style={{ flexDirection: "row", marginBottom: 6 }}>
                  <Text style={{ width: 20 }}>{i + 1}.</Text>
                  <Text style={{ flex: 1 }}>{q.text}</Text>
                </View>
              ))
            )}
          </Section>
        )}
        {c.on("medications") && (
          <Section title={PACKET_SECTION_LABELS.medications}>
            {c.medications.length === 0 ? (
              <Text style={styles.muted}>None listed.</Text>
            ) : (
              <Table
                rows={c.medications}
                columns={[
                  { header: "Medication", width: 3, cell: (m) => m.name },
                  { header: "Dose", width: 2, cell: (m) => m.dose },
                  { header: "How often", width: 2, cell: (m) => m.frequency },
                  { header: "What for · prescriber", width: 3, cell: (m) => joinParts(m.purpose, m.prescriber) },
                ]}
              />
            )}
          </Section>
        )}
        {c.on("allergies") && (
          <Section title={PACKET_SECTION_LABELS.allergies}>
            {c.allergies.length === 0 ? (
              <Text style={styles.muted}>None listed.</Text>
            ) : (
              <Table
                rows={c.allergies}
                columns={[
                  { header: "Substance", width: 3, cell: (a) => a.substance },
                  { header: "Reaction", width: 4, cell: (a) => a.reaction },
                  { header: "Severity", width: 2, cell: (a) => t(`healthLists.severity.${a.severity}`) },
                ]}
              />
            )}
          </Section>
        )}
        {c.on("procedures") && (
          <Section title={PACKET_SECTION_LABELS.procedures}>
            {c.procedures.length === 0 ? (
              <Text style={styles.muted}>None listed.</Text>
            ) : (
              <Table
                rows={c.procedures}
                columns={[
                  { header: "Procedure or surgery", width: 3, cell: (p) => p.what },
                  { header: "When", width: 2, cell: (p) => p.whenText },
                  { header: "Where · details", width: 4, cell: (p) => joinParts(p.place, p.description) },
                ]}
              />
            )}
          </Section>
        )}
        {c.on("records") && (
          <Section title={PACKET_SECTION_LABELS.records}>
            {c.records.length === 0 ? (
              <Text style={styles.muted}>No records chosen.</Text>
            ) : (
              <Table
                rows={c.records}
                columns={[
                  { header: "Record", width: 3, cell: (r) => joinParts(r.title, r.source) },
                  { header: "Kind", width: 3, cell: (r) => RECORD_KIND_LABELS[r.kind] },
                  { header: "Status", width: 2, cell: (r) => RECORD_STATUS_LABELS[r.status] },
                  { header: "Files", width: 3, cell: (r) => r.fileNames.join(", ") },
                ]}
              />
            )}
          </Section>
        )}
        {c.on("people") && (
          <Section title={PACKET_SECTION_LABELS.people}>
            {c.people.map((p) => (
              <Text key={p.id}>
                {p.name} ({ROLE_LABELS[p.role].name.toLowerCase()} in the case)
              </Text>
            ))}
            {c.comingAlong ? <Text>{c.comingAlong}</Text> : null}
            {c.people.length === 0 && !c.comingAlong ? <Text style={styles.muted}>No one named.</Text> : null}
          </Section>
        )}
      </PdfPage>
    </Document>
  );
}

/** The packet's PDF bytes. `timeZone` is the reader's, for the visit time (UTC when unknown). */
export async function renderPacketPdf(packet: Packet, timeZone = "UTC"): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<PacketDocument packet={packet} timeZone={timeZone} />);
}
