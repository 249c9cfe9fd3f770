"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { TRASH_DAYS } from "@/lib/trash";
import { apiFetch } from "@/lib/api-client";
import { notCsvReason } from "@/lib/csv-sniff";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useLeaveGuard } from "@/components/ui/leave-guard";
import { announceJob } from "@/components/jobs/job-progress";
import { postImport } from "@/components/import/import-stream";
import type { ImportReport, Mapping, Preview } from "@/components/import/types";

const MAX_BYTES = 10 * 1024 * 1024;

export type ImportMode = "upsert" | "create_only";

export type ImportStage =
  | { step: "upload" }
  | { step: "mapping"; preview: Preview }
  | { step: "importing"; preview: Preview; processed: number; total: number }
  | { step: "done"; report: ImportReport; undone?: string };

/**
 * The import wizard's state and actions: read the file, preview it with a mapping, import it
 * (streamed, or handed to a background job when large), undo it. The steps only render.
 */
export function useImportWizard() {
  const router = useRouter();
  const [stage, setStage] = useState<ImportStage>({ step: "upload" });
  const [csv, setCsv] = useState<string>("");
  const [fileName, setFileName] = useState<string>("");
  const [mode, setMode] = useState<ImportMode>("upsert");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
      const outcome = await postImport({ csv, fileName, mapping: preview.mapping, mode }, (processed, total) =>
        setStage({ step: "importing", preview, processed, total }),
      );
      if ("job" in outcome) {
        // A large file: the server imports it in the background; JobProgress follows it.
        announceJob(outcome.job);
        reset();
        return;
      }
      setStage({ step: "done", report: outcome.report });
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

  return { stage, fileName, mode, setMode, busy, error, inputRef, dialog, leaveGuard, loadFile, changeMapping, startImport, undo, reset };
}
