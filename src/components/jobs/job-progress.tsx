"use client";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { AlertTriangle, CheckCircle2, Download, Loader2, RotateCcw, Square, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/import/progress-bar";
import { apiFetch } from "@/lib/api-client";
import { cn } from "@/lib/utils";
import { formatCount } from "@/lib/numbers";

/** A background job as GET /api/jobs/:id answers it. */
export type JobView = {
  id: string;
  kind: string;
  label: string;
  status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
  total: number;
  done: number;
  failed: number;
  currentItem: string | null;
  error: string | null;
  result: unknown;
  cancelRequested: boolean;
  createdAt: string;
  finishedAt: string | null;
  file: { fileName: string; size: number; url: string } | null;
  failedItems?: { key: string; label: string; error: string | null }[];
  doneItems?: { key: string; label: string; result: unknown }[];
};

const JOB_STARTED = "eventops:job-started";
const POLL_MS = 1_000;
/** A finished job stays on the page this long after it ended (then the page starts clean). */
const SHOW_FINISHED_MS = 30 * 60_000;

/** Tells the JobProgress of that kind on this page that a job was just started (it shows it at once). */
export function announceJob(job: JobView) {
  window.dispatchEvent(new CustomEvent<JobView>(JOB_STARTED, { detail: job }));
}

const active = (job: JobView) => job.status === "QUEUED" || job.status === "RUNNING";

/**
 * The progress of the latest background job of one kind, live: it polls while the job runs, so
 * it keeps going across reloads and pages (the job lives on the server). Cancel while it runs;
 * retry the failed items, or download the file, when it is done.
 */
export function JobProgress({ kind, title, className, renderDone }: {
  kind: string;
  title: string;
  className?: string;
  /** What the finished items became (links to the drafts, the dossiers …); client components only. */
  renderDone?: (items: NonNullable<JobView["doneItems"]>) => ReactNode;
}) {
  const router = useRouter();
  const [job, setJob] = useState<JobView | null>(null);
  const [hidden, setHidden] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const wasActive = useRef(false);

  // The latest job of this kind when the page opens (a reload mid-way finds it again).
  useEffect(() => {
    void apiFetch<JobView[]>(`/api/jobs?kind=${encodeURIComponent(kind)}&limit=1`).then((res) => {
      const latest = res.success ? res.data[0] : undefined;
      if (latest && (active(latest) || (latest.finishedAt && Date.now() - Date.parse(latest.finishedAt) < SHOW_FINISHED_MS))) setJob((current) => current ?? latest);
    });
    const onStarted = (event: Event) => {
      const started = (event as CustomEvent<JobView>).detail;
      if (started.kind !== kind) return;
      setHidden(null);
      setError(null);
      setJob(started);
    };
    window.addEventListener(JOB_STARTED, onStarted);
    return () => window.removeEventListener(JOB_STARTED, onStarted);
  }, [kind]);

  const refresh = useCallback((id: string) => {
    void apiFetch<JobView>(`/api/jobs/${id}`).then((res) => {
      if (res.success) setJob(res.data);
    });
  }, []);

  // The full view once per job (the list answer has no failed items), then polls while it runs;
  // when it ends, the page's own data (the new drafts, scores …) reloads.
  const jobId = job?.id;
  const running = job ? active(job) : false;
  useEffect(() => {
    if (jobId) refresh(jobId);
  }, [jobId, refresh]);
  useEffect(() => {
    if (!jobId) return;
    if (!running) {
      if (wasActive.current) router.refresh();
      wasActive.current = false;
      return;
    }
    wasActive.current = true;
    const timer = setInterval(() => refresh(jobId), POLL_MS);
    return () => clearInterval(timer);
  }, [jobId, running, refresh, router]);

  if (!job || hidden === job.id) return null;

  async function act(action: "cancel" | "retry") {
    if (!job) return;
    setBusy(true);
    setError(null);
    const res = await apiFetch<JobView>(`/api/jobs/${job.id}/${action}`, { method: "POST" });
    setBusy(false);
    if (!res.success) return setError(res.error);
    setJob(res.data);
  }

  const failedItems = job.failedItems ?? [];
  const remaining = job.total - job.done - job.failed;
  return (
    <section
      aria-label={title}
      data-testid={`job-${kind}`}
      data-status={job.status}
      className={cn("grid gap-3 rounded-lg border bg-card p-4 shadow-sm", job.status === "FAILED" && "border-destructive/40", className)}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="text-sm font-semibold">{title}</h2>
          <p className="truncate text-sm text-muted-foreground">{job.label}</p>
        </div>
        {!active(job) ? (
          <Button variant="ghost" size="icon" className="size-7 shrink-0" aria-label="Hide this job" onClick={() => setHidden(job.id)}>
            <X aria-hidden />
          </Button>
        ) : null}
      </div>

      {active(job) ? (
        <>
          {job.total > 0 ? (
            <ProgressBar value={job.done + job.failed} max={job.total} label={job.status === "QUEUED" ? "Waiting to start" : "Working"} />
          ) : (
            <p className="flex items-center gap-2 text-sm"><Loader2 className="size-4 animate-spin" aria-hidden /> {job.status === "QUEUED" ? "Waiting to start" : "Working"}</p>
          )}
          <p className="text-sm text-muted-foreground" role="status" data-testid="job-status-line">
            {job.status === "QUEUED"
              ? "Queued: the job engine picks it up within a minute. You can leave this page; it keeps going."
              : `${formatCount(job.done)} of ${job.total ? formatCount(job.total) : "?"} done${job.failed ? `, ${job.failed} failed` : ""}${job.currentItem ? ` · now: ${job.currentItem}` : ""}. You can leave this page; it keeps going.`}
            {job.cancelRequested ? " Stopping after the current items…" : ""}
          </p>
          <div>
            <Button variant="outline" size="sm" disabled={busy || job.cancelRequested} onClick={() => act("cancel")}>
              <Square aria-hidden /> Cancel
            </Button>
          </div>
        </>
      ) : (
        <>
          <p role="status" data-testid="job-status-line" className={cn("flex items-start gap-2 text-sm", job.status === "FAILED" && "text-destructive")}>
            {job.status === "SUCCEEDED" && job.failed === 0 ? <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-success" aria-hidden /> : <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />}
            <span>
              {job.status === "SUCCEEDED" ? describeResult(job) : job.status === "CANCELLED" ? `Cancelled: ${job.done} of ${job.total} done, ${remaining + job.failed} left.` : (job.error ?? "The job failed.")}
              {job.status === "SUCCEEDED" && job.failed ? ` ${job.failed} could not be done; see why below.` : ""}
            </span>
          </p>
          {renderDone && job.doneItems?.length ? renderDone(job.doneItems) : null}
          {failedItems.length ? (
            <ul className="max-h-48 divide-y overflow-y-auto rounded-md border text-sm" aria-label="Items that failed">
              {failedItems.map((item) => (
                <li key={item.key} className="px-3 py-1.5"><span className="font-medium">{item.label}</span>: {item.error}</li>
              ))}
            </ul>
          ) : null}
          <div className="flex flex-wrap gap-2">
            {job.file ? (
              <Button asChild size="sm">
                <a href={job.file.url} download={job.file.fileName}><Download aria-hidden /> Download {job.file.fileName} ({formatBytes(job.file.size)})</a>
              </Button>
            ) : null}
            {job.failed > 0 || job.status === "FAILED" || (job.status === "CANCELLED" && remaining > 0) ? (
              <Button variant="outline" size="sm" disabled={busy} onClick={() => act("retry")}>
                <RotateCcw aria-hidden /> {job.total > 0 ? `Retry ${job.failed + (job.status === "CANCELLED" ? remaining : 0)} left` : "Try again"}
              </Button>
            ) : null}
          </div>
        </>
      )}
      {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
    </section>
  );
}

/** One sentence about what a finished job did, by kind. */
function describeResult(job: JobView): string {
  const n = (value: unknown) => (typeof value === "number" ? formatCount(value) : "0");
  const result = (job.result ?? {}) as Record<string, unknown>;
  switch (job.kind) {
    case "drafts":
      return `${n(job.done)} ${job.done === 1 ? "draft" : "drafts"} ready to review. Nothing was sent.`;
    case "research":
      return `${n(job.done)} ${job.done === 1 ? "account" : "accounts"} researched: dossiers and talking points are updated.`;
    case "rescore":
      return `Scored ${n(result.accounts)} accounts and ${n(result.people)} people.`;
    case "import": {
      const rows = (result.rows ?? {}) as Record<string, unknown>;
      return `Imported: ${n(rows.created)} created, ${n(rows.updated)} updated, ${n(rows.skipped)} skipped.`;
    }
    case "export":
      return "Your export is ready to download.";
    default:
      return "Done.";
  }
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
