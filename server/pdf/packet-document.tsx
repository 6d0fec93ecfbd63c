/** The visit packet as a PDF: what the person chose to bring to one clinician's visit. */
import { zoneCity, zoneOffsetLabel } from "@/lib/time-zone";
import "server-only";
import { Document, renderToBuffer, Text, View } from "@react-pdf/renderer";
import { formatDateTime } from "@/lib/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { joinParts } from "@/lib/packet";
import { packetContents, type Packet } from "@/lib/packet";
import { translatorFor } from "@/server/i18n/translator";
import { registerPdfFonts } from "./fonts";
import { PdfPage, Section, styles, Table } from "./parts";

type T = ReturnType<typeof translatorFor>;

/** The packet in `locale`: every label in that language; what people wrote stays as they wrote it. */
/** The visit's time in the zone it was booked in, the zone named; a visit without one in the reader's zone (`tz`). */
function visitWhen(at: Date, zone: string | null, readerZone: string, locale: Locale, t: T): string {
  if (!zone) return formatDateTime(at, locale, readerZone);
  return joinParts(formatDateTime(at, locale, zone), t("opinions.visit.zone", { city: zoneCity(zone), offset: zoneOffsetLabel(at, zone) }));
}

function PacketDocument({ packet, timeZone, locale, t }: { packet: Packet; timeZone: string; locale: Locale; t: T }) {
  const c = packetContents(packet);
  const { opinion } = packet;
  const title = t("packet.sheet.title", { label: opinion.label });
  const section = (name: (typeof packet.sections)[number]) => t(`packet.section.${name}`);
  const none = t("packet.sheet.noneListed");
  return (
    <Document title={title} author="SecondLook" language={locale}>
      <PdfPage footer={t("packet.sheet.pdfFooter")} pageLabel={(page, total) => t("packet.sheet.page", { page, total })}>
        <Text style={styles.title}>{title}</Text>
        <Text style={styles.subtitle}>{joinParts(opinion.clinician, opinion.specialty, opinion.institution)}</Text>
        <Text style={styles.subtitle}>
          {joinParts(
            t(`opinions.kind.${opinion.kind}.name`),
            opinion.visitAt ? t("packet.sheet.visitAt", { date: visitWhen(opinion.visitAt, opinion.visitTimeZone, timeZone, locale, t) }) : t("packet.sheet.noVisit"),
            opinion.visitPlace,
          )}
        </Text>

        {c.patientName !== null && (
          <Section title={section("patient")}>
            <Text>{c.patientName}</Text>
          </Section>
        )}
        {c.understanding !== null && (
          <Section title={section("understanding")}>
            <Text>{c.understanding.trim() || t("packet.sheet.notWritten")}</Text>
          </Section>
        )}
        {c.decision !== null && (
          <Section title={section("decision")}>
            <Text>{c.decision.trim() || t("packet.sheet.notWritten")}</Text>
          </Section>
        )}
        {c.on("questions") && (
          <Section title={section("questions")}>
            {c.questions.length === 0 ? (
              <Text style={styles.muted}>{t("packet.sheet.noQuestions")}</Text>
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
          <Section title={section("medications")}>
            {c.medications.length === 0 ? (
              <Text style={styles.muted}>{none}</Text>
            ) : (
              <Table
                rows={c.medications}
                columns={[
                  { header: t("packet.sheet.medication"), width: 3, cell: (m) => m.name },
                  { header: t("packet.sheet.dose"), width: 2, cell: (m) => m.dose },
                  { header: t("packet.sheet.howOften"), width: 2, cell: (m) => m.frequency },
                  { header: t("packet.sheet.purpose"), width: 3, cell: (m) => joinParts(m.purpose, m.prescriber) },
                ]}
              />
            )}
          </Section>
        )}
        {c.on("allergies") && (
          <Section title={section("allergies")}>
            {c.allergies.length === 0 ? (
              <Text style={styles.muted}>{none}</Text>
            ) : (
              <Table
                rows={c.allergies}
                columns={[
                  { header: t("packet.sheet.substance"), width: 3, cell: (a) => a.substance },
                  { header: t("packet.sheet.reaction"), width: 4, cell: (a) => a.reaction },
                  { header: t("packet.sheet.severity"), width: 2, cell: (a) => t(`healthLists.severity.${a.severity}`) },
                ]}
              />
            )}
          </Section>
        )}
        {c.on("procedures") && (
          <Section title={section("procedures")}>
            {c.procedures.length === 0 ? (
              <Text style={styles.muted}>{none}</Text>
            ) : (
              <Table
                rows={c.procedures}
                columns={[
                  { header: t("packet.sheet.procedure"), width: 3, cell: (p) => p.what },
                  { header: t("packet.sheet.when"), width: 2, cell: (p) => p.whenText },
                  { header: t("packet.sheet.where"), width: 4, cell: (p) => joinParts(p.place, p.description) },
                ]}
              />
            )}
          </Section>
        )}
        {c.on("records") && (
          <Section title={section("records")}>
            {c.records.length === 0 ? (
              <Text style={styles.muted}>{t("packet.sheet.noRecords")}</Text>
            ) : (
              <Table
                rows={c.records}
                columns={[
                  { header: t("packet.sheet.record"), width: 3, cell: (r) => joinParts(r.title, r.source) },
                  { header: t("packet.sheet.kind"), width: 3, cell: (r) => t(`records.kind.${r.kind}`) },
                  { header: t("packet.sheet.status"), width: 2, cell: (r) => t(`records.status.${r.status}`) },
                  { header: t("packet.sheet.files"), width: 3, cell: (r) => r.fileNames.join(", ") },
                ]}
              />
            )}
          </Section>
        )}
        {c.on("people") && (
          <Section title={section("people")}>
            {c.people.map((p) => (
              <Text key={p.id}>
                {t("packet.sheet.person", { name: p.name, role: t(`sharing.roles.${p.role}.name`).toLocaleLowerCase(locale) })}
              </Text>
            ))}
            {c.comingAlong ? <Text>{c.comingAlong}</Text> : null}
            {c.people.length === 0 && !c.comingAlong ? <Text style={styles.muted}>{t("packet.sheet.noOne")}</Text> : null}
          </Section>
        )}
      </PdfPage>
    </Document>
  );
}

/**
 * The packet's PDF bytes in `locale` (chosen when downloading). `timeZone` is the reader's, for the visit
 * time (UTC when unknown).
 */
export async function renderPacketPdf(packet: Packet, locale: Locale, timeZone = "UTC"): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<PacketDocument packet={packet} timeZone={timeZone} locale={locale} t={translatorFor(locale)} />);
}

/** The PDF's file name, in its language. */
export function packetFileName(packet: Packet, locale: Locale): string {
  return translatorFor(locale)("packet.sheet.fileName", { label: packet.opinion.label });
}
