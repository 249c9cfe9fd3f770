"use client";
import { TRASH_DAYS } from "@/lib/trash";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type ChangeEvent, type DragEvent } from "react";
import { AlertTriangle, CheckCircle2, Download, FileUp, Loader2, RotateCcw, Upload } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { apiFetch, pageEventId } from "@/lib/api-client";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useLeaveGuard } from "@/components/ui/leave-guard";
import { notCsvReason } from "@/lib/csv-sniff";
import { cn } from "@/lib/utils";
import { ProgressBar } from "@/components/import/progress-bar";
import { announceJob, JobProgress, type JobView } from "@/components/jobs/job-progress";
import { SAMPLE_CSV } from "@/components/import/sample-csv";
import { FIELD_OPTIONS, type ImportReport, type Mapping, type Preview } from "@/components/import/types";

const MAX_BYTES = 10 * 1024 * 1024;
type Mode = "upsert" | "create_only";
type Stage =
  | { step: "upload" }
  | { step: "mapping"; preview: Preview }
  | { step: "importing"; preview: Preview; processed: number; total: number }
  | { step: "done"; report: ImportReport; undone?: string };

export function ImportWizard({ eventName }: { eventName: string }) {
  const router = useRouter();
  const [stage, setStage] = useState<Stage>({ step: "upload" });
  const [csv, setCsv] = useState<string>("");
  const [fileName, setFileName] = useState<string>("");
  const [mode, setMode] = useState<Mode>("upsert");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const [dialog, ask] = useConfirm();
  // A file is loaded and mapped but not imported yet: leaving would lose the mapping.
  const leaveGuard = useLeaveGuard(stage.step === "mapping", "this import (the file and its column mapping)");

  async function loadFile(file: File) {
    setError(null);
    if (file.size > MAX_BYTES) {
      setError(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB. Split it into smaller files.`);
      return;
    }
    setBusy(true);
    const text = await file.text();
    const notCsv = notCsvReason(text);
    if (notCsv) {
      setBusy(false);
      setError(`${file.name}: ${notCsv}`);
      return;
    }
    setCsv(text);
    setFileName(file.name);
    await runPreview(text, file.name);
    setBusy(false);
  }

  async function runPreview(text: string, name: string, mapping?: Mapping) {
    const result = await apiFetch<Preview>("/api/import/preview", { method: "POST", body: { csv: text, fileName: name, mapping } });
    if (!result.success) {
      setError(result.error);
      return;
    }
    setError(null);
    setStage({ step: "mapping", preview: result.data });
  }

  async function changeMapping(preview: Preview, header: string, value: string) {
    const mapping: Mapping = { ...preview.mapping, [header]: (value || null) as Mapping[string] };
    // A field feeds from one column: choosing it here frees it elsewhere.
    if (value) for (const h of Object.keys(mapping)) if (h !== header && mapping[h] === value) mapping[h] = null;
    setBusy(true);
    await runPreview(csv, fileName, mapping);
    setBusy(false);
  }

  async function startImport(preview: Preview) {
    setError(null);
    setStage({ step: "importing", preview, processed: 0, total: preview.counts.valid });
    try {
      const response = await fetch("/api/import?stream=1", {
        method: "POST",
        headers: { "content-type": "application/json", ...(pageEventId() ? { "x-event-id": pageEventId()! } : {}) },
        body: JSON.stringify({ csv, fileName, mapping: preview.mapping, mode }),
      });
      if (response.status === 202) {
        // A large file: the server imports it in the background; JobProgress above follows it.
        const payload = (await response.json()) as { data: { job: JobView } };
        announceJob(payload.data.job);
        reset();
        return;
      }
      if (!response.ok || !response.body) {
        const payload = (await response.json().catch(() => null)) as { error?: string } | null;
        throw new Error(payload?.error ?? `The server answered ${response.status}`);
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      let report: ImportReport | null = null;
      for (;;) {
        const { done, value } = await reader.read();
        if (value) buffer += decoder.decode(value, { stream: true });
        let newline = buffer.indexOf("\n");
        while (newline >= 0) {
          const line = buffer.slice(0, newline).trim();
          buffer = buffer.slice(newline + 1);
          newline = buffer.indexOf("\n");
          if (!line) continue;
          const message = JSON.parse(line) as
            | { type: "progress"; processed: number; total: number }
            | { type: "done"; data: ImportReport }
            | { type: "error"; error: string };
          if (message.type === "progress") setStage({ step: "importing", preview, processed: message.processed, total: message.total });
          else if (message.type === "done") report = message.data;
          else throw new Error(message.error);
        }
        if (done) break;
      }
      if (!report) throw new Error("The import stopped before it finished; check the history below");
      setStage({ step: "done", report });
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "The import failed");
      setStage({ step: "mapping", preview });
      router.refresh();
    }
  }

  function undo(report: ImportReport) {
    ask({ title: "Undo this import?", description: `Created accounts and people go to the Trash (restorable for ${TRASH_DAYS} days) and updated ones get their previous values back.`, confirmLabel: "Undo import", destructive: true }, async () => {
      const result = await apiFetch<{ deleted: { accounts: number; people: number }; restored: { accounts: number; people: number } }>(
        `/api/import/${report.jobId}/undo`,
        { method: "POST" },
      );
      if (!result.success) return result.error;
      const d = result.data;
      setStage({
        step: "done",
        report,
        undone: `Import undone: removed ${d.deleted.accounts} accounts and ${d.deleted.people} people, restored ${d.restored.accounts + d.restored.people} records.`,
      });
      router.refresh();
      return null;
    });
  }

  function reset() {
    setStage({ step: "upload" });
    setCsv("");
    setFileName("");
    setError(null);
    if (inputRef.current) inputRef.current.value = "";
  }

  function downloadSample() {
    const url = URL.createObjectURL(new Blob([SAMPLE_CSV], { type: "text/csv" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "accounts-sample.csv";
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="grid min-w-0 gap-6 [&>*]:min-w-0">
      {dialog}
      {leaveGuard}
      <JobProgress kind="import" title="Large import" />
      {error ? (
        <p role="alert" className="flex items-start gap-2 rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden /> {error}
        </p>
      ) : null}

      {stage.step === "upload" ? (
        <Card>
          <CardHeader>
            <CardTitle>1. Choose a CSV file</CardTitle>
            <CardDescription>
              Accounts, and optionally the people who work there, into {eventName}. Exports from HubSpot and Salesforce work as they are. Up to
              10 MB (about 50,000 rows).
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <label
              htmlFor="csv-file"
              onDragOver={(e: DragEvent) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e: DragEvent) => {
                e.preventDefault();
                setDragging(false);
                const file = e.dataTransfer.files[0];
                if (file) void loadFile(file);
              }}
              className={cn(
                "flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors",
                dragging ? "border-primary bg-accent" : "border-border bg-muted/40 hover:border-primary/50",
              )}
            >
              {busy ? <Loader2 className="size-8 animate-spin text-primary" aria-hidden /> : <FileUp className="size-8 text-primary" aria-hidden />}
              <span className="text-sm font-medium">{busy ? "Reading the file…" : "Drop a CSV here or click to choose one"}</span>
              <span className="text-xs text-muted-foreground">Comma, semicolon or tab separated · UTF-8</span>
            </label>
            <input
              ref={inputRef}
              id="csv-file"
              type="file"
              accept=".csv,text/csv,text/plain"
              className="sr-only"
              aria-label="CSV file"
              onChange={(e: ChangeEvent<HTMLInputElement>) => {
                const file = e.target.files?.[0];
                if (file) void loadFile(file);
              }}
            />
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="text-muted-foreground">Not sure about the columns? Start from the sample.</span>
              <Button type="button" variant="outline" size="sm" onClick={downloadSample}>
                <Download aria-hidden /> Sample CSV
              </Button>
            </div>
          </CardContent>
        </Card>
      ) : null}

      {stage.step === "mapping" || stage.step === "importing" ? (
        <MappingStep
          preview={stage.preview}
          fileName={fileName}
          mode={mode}
          onMode={setMode}
          busy={busy || stage.step === "importing"}
          onChange={(header, value) => changeMapping(stage.preview, header, value)}
          onImport={() => startImport(stage.preview)}
          onCancel={reset}
          progress={stage.step === "importing" ? { processed: stage.processed, total: stage.total } : null}
        />
      ) : null}

      {stage.step === "done" ? (
        <ReportCard report={stage.report} undone={stage.undone} busy={busy} onUndo={() => undo(stage.report)} onAnother={reset} />
      ) : null}
    </div>
  );
}

function MappingStep({ preview, fileName, mode, onMode, busy, onChange, onImport, onCancel, progress }: {
  preview: Preview;
  fileName: string;
  mode: Mode;
  onMode: (mode: Mode) => void;
  busy: boolean;
  onChange: (header: string, value: string) => void;
  onImport: () => void;
  onCancel: () => void;
  progress: { processed: number; total: number } | null;
}) {
  const { counts } = preview;
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>2. Check the columns</CardTitle>
          <CardDescription>
            {fileName} · {preview.totalRows.toLocaleString("en-US")} rows · {preview.delimiter === "," ? "comma" : preview.delimiter === ";" ? "semicolon" : "tab"} separated.
            Columns were matched automatically; change any that are wrong.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <div className="overflow-x-auto rounded-lg border">
            <table className="w-full text-sm">
              <thead className="bg-muted/60 text-left text-xs uppercase tracking-wide text-muted-foreground">
                <tr>
                  <th className="px-3 py-2 font-medium">Column in your file</th>
                  <th className="hidden px-3 py-2 font-medium sm:table-cell">Sample values</th>
                  <th className="px-3 py-2 font-medium">Import as</th>
                </tr>
              </thead>
              <tbody className="divide-y">
                {preview.headers.map((header) => (
                  <tr key={header}>
                    <td className="px-3 py-2 font-medium break-words">{header}</td>
                    <td className="hidden max-w-[260px] truncate px-3 py-2 text-muted-foreground sm:table-cell">{[...new Set(preview.samples[header] ?? [])].filter(Boolean).join(" · ") || "—"}</td>
                    <td className="px-3 py-2">
                      <select
                        aria-label={`Import ${header} as`}
                        value={preview.mapping[header] ?? ""}
                        disabled={busy}
                        onChange={(e) => onChange(header, e.target.value)}
                        className={cn("h-8 w-full rounded-md border border-input bg-card px-2 text-sm", !preview.mapping[header] && "text-muted-foreground")}
                      >
                        <option value="">Don’t import</option>
                        {(["Company", "Person"] as const).map((group) => (
                          <optgroup key={group} label={group}>
                            {FIELD_OPTIONS.filter((f) => f.group === group).map((f) => (
                              <option key={f.key} value={f.key}>
                                {f.label}
                              </option>
                            ))}
                          </optgroup>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </CardContent>
      </Card>

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
                {preview.problems.length.toLocaleString("en-US")} rows will be skipped
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
          <div className="overflow-x-auto rounded-lg border">
            <table className="w-full min-w-[640px] text-sm" aria-label="Preview of the first rows">
              <thead className="bg-muted/60 text-left text-xs uppercase tracking-wide text-muted-foreground">
                <tr>
                  <th className="px-3 py-2 font-medium">Row</th>
                  <th className="px-3 py-2 font-medium">Company</th>
                  <th className="px-3 py-2 font-medium">Person</th>
                  <th className="px-3 py-2 font-medium">Title</th>
                  <th className="px-3 py-2 font-medium">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y">
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
              </tbody>
            </table>
          </div>
          {preview.totalRows > preview.rows.length ? (
            <p className="text-xs text-muted-foreground">Showing the first {preview.rows.length} of {preview.totalRows.toLocaleString("en-US")} rows.</p>
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
                Import {counts.valid.toLocaleString("en-US")} {counts.valid === 1 ? "row" : "rows"}
              </Button>
            </div>
          )}
        </CardContent>
      </Card>
    </>
  );
}

/** What importing the row will do, so an update never looks like a new record. */
function RowAction({ action, mode }: { action: Preview["rows"][number]["action"]; mode: Mode }) {
  if (action === "update") return mode === "upsert" ? <Badge variant="default">Updates existing</Badge> : <Badge variant="secondary">Already there, left as is</Badge>;
  if (action === "add") return <Badge variant="success">New person, existing company</Badge>;
  return <Badge variant="success">New</Badge>;
}

function Stat({ label, value, tone }: { label: string; value: number; tone?: "success" | "warning" | "destructive" }) {
  return (
    <div className="rounded-lg border bg-card px-3 py-2">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={cn("text-xl font-semibold tabular-nums", tone === "success" && "text-success", tone === "warning" && "text-warning", tone === "destructive" && "text-destructive")}>
        {value.toLocaleString("en-US")}
      </dd>
    </div>
  );
}

function ReportCard({ report, undone, busy, onUndo, onAnother }: {
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
          {report.fileName ?? "CSV file"} · {report.totalRows.toLocaleString("en-US")} rows · {report.mode === "upsert" ? "create and update" : "create only"} ·{" "}
          {(report.durationMs / 1000).toFixed(1)} s
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {undone ? (
          <p role="status" className="rounded-md bg-success/10 px-3 py-2 text-sm text-success">
            {undone}
          </p>
        ) : null}
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
          <div className="overflow-x-auto rounded-lg border">
            <table className="w-full text-sm" aria-label="Skipped rows">
              <thead className="bg-muted/60 text-left text-xs uppercase tracking-wide text-muted-foreground">
                <tr>
                  <th className="w-20 px-3 py-2 font-medium">Row</th>
                  <th className="px-3 py-2 font-medium">Why it was skipped</th>
                </tr>
              </thead>
              <tbody className="divide-y">
                {report.skipped.slice(0, 300).map((s) => (
                  <tr key={s.row}>
                    <td className="px-3 py-2 tabular-nums">{s.row}</td>
                    <td className="px-3 py-2 text-muted-foreground">{s.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
