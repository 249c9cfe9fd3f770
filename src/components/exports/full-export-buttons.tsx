"use client";
import { useState } from "react";
import { FileArchive, FileJson, Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { announceJob, JobProgress, type JobView } from "@/components/jobs/job-progress";
import { apiFetch } from "@/lib/api-client";

const FORMATS = [
  { format: "csv", label: "All data (ZIP of CSVs)", icon: FileArchive, primary: true },
  { format: "json", label: "JSON", icon: FileJson, primary: false },
  { format: "ndjson", label: "NDJSON", icon: FileJson, primary: false },
] as const;

/**
 * A full export is prepared by a background job (large events take a while) and offered as a
 * download here when it is ready; leaving the page does not stop it.
 */
export function FullExportButtons({ eventId }: { eventId: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start(format: string) {
    setBusy(format);
    setError(null);
    const res = await apiFetch<JobView>("/api/export/jobs", { method: "POST", body: { eventId, format } });
    setBusy(null);
    if (!res.success) return setError(res.error);
    announceJob(res.data);
  }

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap gap-2">
        {FORMATS.map(({ format, label, icon: Icon, primary }) => (
          <Button key={format} variant={primary ? "default" : "outline"} disabled={busy !== null} onClick={() => start(format)} data-testid={`export-job-${format}`}>
            {busy === format ? <Loader2 className="animate-spin" aria-hidden /> : <Icon aria-hidden />} {label}
          </Button>
        ))}
      </div>
      {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
      <JobProgress kind="export" title="Full export" />
    </div>
  );
}
