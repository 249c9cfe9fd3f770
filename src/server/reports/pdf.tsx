import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { SECTION_LABELS } from "@/server/reports/config";
import { sectionTables, type ReportData } from "@/server/reports/build";

const styles = StyleSheet.create({
  page: { padding: 36, fontSize: 10, fontFamily: "Helvetica", color: "#0f172a" },
  title: { fontSize: 18, fontFamily: "Helvetica-Bold", marginBottom: 4 },
  meta: { color: "#475569", marginBottom: 2 },
  h2: { fontSize: 12, fontFamily: "Helvetica-Bold", marginTop: 18, marginBottom: 6, paddingBottom: 3, borderBottomWidth: 1.5, borderBottomColor: "#4f46e5" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#e2e8f0", paddingVertical: 4 },
  head: { fontFamily: "Helvetica-Bold", color: "#475569", fontSize: 8 },
  cell: { flex: 1, paddingHorizontal: 4 },
  first: { flex: 2, paddingHorizontal: 4 },
  num: { textAlign: "right" },
  footer: { position: "absolute", bottom: 20, left: 36, right: 36, fontSize: 8, color: "#64748b" },
});

function ReportDocument({ data }: { data: ReportData }) {
  const tables = sectionTables(data);
  const fmt = (d: Date) => d.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  return (
    <Document title={data.title} author="EventOps">
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{data.title}</Text>
        <Text style={styles.meta}>{`${data.event.name}${data.event.city ? ` · ${data.event.city}` : ""} · ${fmt(data.event.startDate)} – ${fmt(data.event.endDate)}`}</Text>
        <Text style={styles.meta}>{`Filters: ${data.filterSummary.length ? data.filterSummary.join(" · ") : "none (whole event)"}`}</Text>
        {data.sections.map((section) => {
          const t = tables[section];
          if (!t) return null;
          return (
            <View key={section} wrap={false}>
              <Text style={styles.h2}>{SECTION_LABELS[section]}</Text>
              <View style={styles.row}>
                {t.head.map((h, i) => <Text key={h} style={[i ? styles.cell : styles.first, styles.head, i ? styles.num : {}]}>{h.toUpperCase()}</Text>)}
              </View>
              {t.rows.length === 0 ? <Text style={styles.meta}>No data for these filters.</Text> : null}
              {t.rows.map((r, ri) => (
                <View key={ri} style={styles.row}>
                  {r.map((c, i) => <Text key={i} style={[i ? styles.cell : styles.first, i ? styles.num : {}]}>{c}</Text>)}
                </View>
              ))}
            </View>
          );
        })}
        <Text style={styles.footer} fixed>
          {`Generated ${data.generatedAt.toISOString().replace("T", " ").slice(0, 16)} UTC by EventOps · rates over sent messages, machine opens excluded`}
        </Text>
      </Page>
    </Document>
  );
}

export async function renderReportPdf(data: ReportData): Promise<Buffer> {
  return renderToBuffer(<ReportDocument data={data} />);
}
