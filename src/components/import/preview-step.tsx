import { Loader2, Upload } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { ProgressBar } from "@/components/import/progress-bar";
import { Stat } from "@/components/import/stat";
import type { ImportMode } from "@/components/import/use-import-wizard";
import type { Preview } from "@/components/import/types";
import { SimpleTable } from "@/components/ui/simple-table";
import { formatCount } from "@/lib/numbers";

/** Step 3: the counts, the rows that will be skipped, the first rows, the mode, and Import. */
export function PreviewStep({ preview, mode, onMode, busy, onImport, onCancel, progress }: {
  preview: Preview;
  mode: ImportMode;
  onMode: (mode: ImportMode) => void;
  busy: boolean;
  onImport: () => void;
  onCancel: () => void;
  progress: { processed: number; total: number } | null;
}) {
  const { counts } = preview;
  return (
    <Card>
      <CardHeader>
        <CardTitle>3. Preview and import</CardTitle>
        <CardDescription>Rows with problems are skipped; everything else is imported.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="preview-counts">
          <Stat label="To import" value={counts.valid} tone="success" />
          <Stat label="With problems" value={counts.invalid} tone={counts.invalid ? "destructive" : undefined} />
          <Stat label="Duplicates" value={counts.duplicates} tone={counts.duplicates ? "warning" : undefined} />
          <Stat label="Companies" value={counts.accounts} />
          <Stat label="People" value={counts.people} />
        </dl>
        {preview.problems.length > 0 ? (
          <details className="rounded-lg border bg-muted/30 px-3 py-2 text-sm" open={preview.problems.length <= 5}>
            <summary className="cursor-pointer font-medium">
              {formatCount(preview.problems.length)} rows will be skipped
            </summary>
            <ul className="mt-2 max-h-48 space-y-1 overflow-y-auto">
              {preview.problems.slice(0, 200).map((p) => (
                <li key={p.row}>
                  <span className="font-medium tabular-nums">Row {p.row}:</span> <span className="text-muted-foreground">{p.reason}</span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <SimpleTable columns={["Row", "Company", "Person", "Title", "Status"]} label="Preview of the first rows" tableClassName="min-w-[640px]">
          {preview.rows.map((r) => (
            <tr key={r.row} className={r.errors.length ? "bg-destructive/5" : undefined}>
              <td className="px-3 py-2 tabular-nums text-muted-foreground">{r.row}</td>
              <td className="px-3 py-2">
                <div className="font-medium">{r.company ?? "—"}</div>
                {r.domain ? <div className="text-xs text-muted-foreground">{r.domain}</div> : null}
              </td>
              <td className="px-3 py-2">
                <div>{r.person ?? "—"}</div>
                {r.email ? <div className="text-xs text-muted-foreground">{r.email}</div> : null}
              </td>
              <td className="px-3 py-2 text-muted-foreground">{r.title ?? "—"}</td>
              <td className="px-3 py-2">
                {r.errors.length ? (
                  <span className="text-destructive">{r.errors.join("; ")}</span>
                ) : r.duplicateOf ? (
                  <Badge variant="warning">Duplicate of row {r.duplicateOf}</Badge>
                ) : (
                  <span className="flex flex-wrap items-center gap-1.5">
                    <RowAction action={r.action} mode={mode} />
                    {r.warnings.length ? <span className="text-warning">{r.warnings.join("; ")}</span> : null}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </SimpleTable>
        {preview.totalRows > preview.rows.length ? (
          <p className="text-xs text-muted-foreground">Showing the first {preview.rows.length} of {formatCount(preview.totalRows)} rows.</p>
        ) : null}

        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">When a company or person already exists</legend>
          <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
            <Label className="flex items-center gap-2 font-normal">
              <input type="radio" name="mode" value="upsert" checked={mode === "upsert"} onChange={() => onMode("upsert")} disabled={busy} />
              Update it with the file’s values
            </Label>
            <Label className="flex items-center gap-2 font-normal">
              <input type="radio" name="mode" value="create_only" checked={mode === "create_only"} onChange={() => onMode("create_only")} disabled={busy} />
              Leave it unchanged (create new ones only)
            </Label>
          </div>
        </fieldset>

        {progress ? (
          <ProgressBar value={progress.processed} max={progress.total} label="Importing rows" />
        ) : (
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="outline" onClick={onCancel} disabled={busy}>
              Choose another file
            </Button>
            <Button type="button" onClick={onImport} disabled={busy || counts.valid === 0}>
              {busy ? <Loader2 className="animate-spin" aria-hidden /> : <Upload aria-hidden />}
              Import {formatCount(counts.valid)} {counts.valid === 1 ? "row" : "rows"}
            </Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

/** What importing the row will do, so an update never looks like a new record. */
function RowAction({ action, mode }: { action: Preview["rows"][number]["action"]; mode: ImportMode }) {
  if (action === "update") return mode === "upsert" ? <Badge variant="default">Updates existing</Badge> : <Badge variant="secondary">Already there, left as is</Badge>;
  if (action === "add") return <Badge variant="success">New person, existing company</Badge>;
  return <Badge variant="success">New</Badge>;
}
