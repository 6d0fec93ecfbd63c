/**
 * Building blocks shared by the server-made PDFs: page frame (header, footer with page numbers and
 * the "information, not advice" line), section headings and tables whose rows never split across
 * pages (`wrap={false}`). Body text is 11 pt, tables 10 pt.
 */
import { Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { PDF_FONT_FAMILY } from "./fonts";

export const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 11, paddingTop: 40, paddingBottom: 56, paddingHorizontal: 44, color: "#111827" },
  title: { fontSize: 18, fontWeight: "bold", marginBottom: 4 },
  subtitle: { fontSize: 12, color: "#374151", marginBottom: 2 },
  section: { marginTop: 14 },
  heading: { fontSize: 13, fontWeight: "bold", marginBottom: 4, borderBottomWidth: 1, borderBottomColor: "#9ca3af", paddingBottom: 2 },
  paragraph: { marginBottom: 4, lineHeight: 1.35 },
  muted: { color: "#4b5563" },
  bold: { fontWeight: "bold" },
  table: { fontSize: 10 },
  row: { flexDirection: "row" },
  headerRow: { flexDirection: "row", backgroundColor: "#f3f4f6", fontWeight: "bold" },
  // Every cell draws its own border, so a row moved to the next page is still boxed (and the table
  // draws no line down into the space a moved row leaves behind).
  cell: { borderWidth: 0.5, borderColor: "#6b7280", padding: 4 },
  footer: { position: "absolute", bottom: 24, left: 44, right: 44, fontSize: 9, color: "#4b5563" },
});

export function PdfPage({
  children,
  footer,
  pageLabel,
  landscape = false,
}: {
  children: ReactNode;
  footer: string;
  /** "Page 2 of 3", in the document's language. */
  pageLabel: (page: number, total: number) => string;
  landscape?: boolean;
}) {
  return (
    <Page size="A4" orientation={landscape ? "landscape" : "portrait"} style={styles.page} wrap>
      {/* No lineHeight on the page: a `render` text (the page number) that inherits one drops out of the PDF. */}
      {children}
      {/* Two separate fixed texts: a `render` text inside a fixed View makes react-pdf drop the whole View. */}
      <Text style={styles.footer} fixed>
        {footer}
      </Text>
      <Text style={[styles.footer, { textAlign: "right" }]} fixed render={({ pageNumber, totalPages }) => pageLabel(pageNumber, totalPages)} />
    </Page>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View style={styles.section}>
      {/* The heading stays with at least the start of its content. */}
      <Text style={styles.heading} minPresenceAhead={40}>
        {title}
      </Text>
      {children}
    </View>
  );
}

export interface Column<T> {
  header: string;
  /** Relative width (flex-grow). */
  width: number;
  cell: (row: T) => string;
}

/** A table whose rows are never cut by a page break (a row that does not fit moves to the next page). */
export function Table<T>({ columns, rows }: { columns: Column<T>[]; rows: T[] }) {
  return (
    <View style={styles.table}>
      {/* The header row stays with the first row, so it is never left alone at the foot of a page. */}
      <View wrap={false}>
        <View style={styles.headerRow}>
          {columns.map((c) => (
            <Text key={c.header} style={[styles.cell, { flex: c.width }]}>
              {c.header}
            </Text>
          ))}
        </View>
        {rows.slice(0, 1).map((row) => (
          <TableRow key={0} columns={columns} row={row} />
        ))}
      </View>
      {rows.slice(1).map((row, i) => (
        <TableRow key={i + 1} columns={columns} row={row} />
      ))}
    </View>
  );
}

function TableRow<T>({ columns, row }: { columns: Column<T>[]; row: T }) {
  return (
    <View style={styles.row} wrap={false}>
      {columns.map((c) => (
        <Text key={c.header} style={[styles.cell, { flex: c.width }]}>
          {c.cell(row)}
        </Text>
      ))}
    </View>
  );
}

/** A time zone name the runtime knows, or UTC. */
export function safeTimeZone(value: string | null | undefined): string {
  if (!value) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value;
  } catch {
    return "UTC";
  }
}
