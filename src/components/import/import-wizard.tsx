"use client";
import { AlertTriangle } from "lucide-react";
import { JobProgress } from "@/components/jobs/job-progress";
import { ColumnMapping } from "@/components/import/column-mapping";
import { PreviewStep } from "@/components/import/preview-step";
import { ReportCard } from "@/components/import/report-card";
import { UploadStep } from "@/components/import/upload-step";
import { useImportWizard } from "@/components/import/use-import-wizard";

/** Import accounts (and their people) from a CSV: upload, check the columns, preview and import, report. */
export function ImportWizard({ eventName }: { eventName: string }) {
  const { stage, fileName, mode, setMode, busy, error, inputRef, dialog, leaveGuard, loadFile, changeMapping, startImport, undo, reset } = useImportWizard();

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

      {stage.step === "upload" ? <UploadStep eventName={eventName} busy={busy} inputRef={inputRef} onFile={(file) => void loadFile(file)} /> : null}

      {stage.step === "mapping" || stage.step === "importing" ? (
        <>
          <ColumnMapping
            preview={stage.preview}
            fileName={fileName}
            busy={busy || stage.step === "importing"}
            onChange={(header, value) => changeMapping(stage.preview, header, value)}
          />
          <PreviewStep
            preview={stage.preview}
            mode={mode}
            onMode={setMode}
            busy={busy || stage.step === "importing"}
            onImport={() => startImport(stage.preview)}
            onCancel={reset}
            progress={stage.step === "importing" ? { processed: stage.processed, total: stage.total } : null}
          />
        </>
      ) : null}

      {stage.step === "done" ? (
        <ReportCard report={stage.report} undone={stage.undone} busy={busy} onUndo={() => undo(stage.report)} onAnother={reset} />
      ) : null}
    </div>
  );
}
