import Link from "next/link";
import { AlertTriangle, CheckCircle2, Loader2, RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Stat } from "@/components/import/stat";
import type { ImportReport } from "@/components/import/types";
import { FormMessage } from "@/components/ui/form-message";
import { SimpleTable } from "@/components/ui/simple-table";
import { formatCount } from "@/lib/numbers";

/** The last step: what the import did, the rows it skipped, and undo. */
export function ReportCard({ report, undone, busy, onUndo, onAnother }: {
  report: ImportReport;
  undone?: string;
  busy: boolean;
  onUndo: () => void;
  onAnother: () => void;
}) {
  const failed = report.failedBatches.length > 0;
  return (
    <Card data-testid="import-report">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {failed ? <AlertTriangle className="size-5 text-warning" aria-hidden /> : <CheckCircle2 className="size-5 text-success" aria-hidden />}
          {report.status === "FAILED" ? "Import failed" : "Import finished"}
        </CardTitle>
        <CardDescription>
          {report.fileName ?? "CSV file"} · {formatCount(report.totalRows)} rows · {report.mode === "upsert" ? "create and update" : "create only"} ·{" "}
          {(report.durationMs / 1000).toFixed(1)} s
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <FormMessage message={undone ? { kind: "ok", text: undone } : null} />
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat label="Rows created" value={report.rows.created} tone="success" />
          <Stat label="Rows updated" value={report.rows.updated} />
          <Stat label="Rows unchanged" value={report.rows.unchanged} />
          <Stat label="Rows skipped" value={report.rows.skipped} tone={report.rows.skipped ? "warning" : undefined} />
        </dl>
        <p className="text-sm text-muted-foreground">
          Companies: {report.accounts.created} created, {report.accounts.updated} updated, {report.accounts.unchanged} unchanged · People:{" "}
          {report.people.created} created, {report.people.updated} updated, {report.people.unchanged} unchanged
        </p>
        {failed ? (
          <ul className="rounded-md bg-warning/10 px-3 py-2 text-sm text-warning">
            {report.failedBatches.map((b) => (
              <li key={b.batch}>
                Rows {b.fromRow}–{b.toRow} were not saved: {b.error}
              </li>
            ))}
          </ul>
        ) : null}
        {report.skipped.length > 0 ? (
          <SimpleTable columns={[{ label: "Row", className: "w-20" }, "Why it was skipped"]} label="Skipped rows">
            {report.skipped.slice(0, 300).map((s) => (
              <tr key={s.row}>
                <td className="px-3 py-2 tabular-nums">{s.row}</td>
                <td className="px-3 py-2 text-muted-foreground">{s.reason}</td>
              </tr>
            ))}
          </SimpleTable>
        ) : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          {!undone && report.rows.created + report.rows.updated > 0 ? (
            <Button type="button" variant="outline" onClick={onUndo} disabled={busy}>
              {busy ? <Loader2 className="animate-spin" aria-hidden /> : <RotateCcw aria-hidden />} Undo this import
            </Button>
          ) : null}
          <Button type="button" variant="outline" onClick={onAnother}>
            Import another file
          </Button>
          <Button asChild>
            <Link href="/dashboard/accounts">View accounts</Link>
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
