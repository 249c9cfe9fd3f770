"use client";
import { useCallback, useEffect, useState } from "react";
import { Loader2, Play } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { apiFetch } from "@/lib/api-client";
import { cn } from "@/lib/utils";
import { SimpleTable } from "@/components/ui/simple-table";

type EngineStatus = {
  state: "running" | "cron" | "stopped";
  workers: { id: string; mode: string; host: string; pid: number; startedAt: string; lastSeenAt: string }[];
  lastCronDrainAt: string | null;
  queue: { task: string; due: number; scheduled: number; running: number; failed: number }[];
  runs: { id: string; task: string; outcome: string; summary: Record<string, unknown> | null; error: string | null; workerId: string; startedAt: string; ms: number | null }[];
};

const TASK_LABEL: Record<string, string> = {
  "sequences.tick": "Sequence scheduler",
  "sequences.batch": "Sequence steps",
  "outreach.queue": "Queued mail",
  "meetings.reminders": "Meeting reminders",
  "notifications.send": "Notifications",
  "background.run": "Background job",
  "jobs.maintenance": "Maintenance",
  "mailboxes.sync": "Mailbox sync",
  "privacy.retention": "Retention clean-up",
};

const REFRESH_MS = 5_000;

/** "10:42:07 AM CET": a time with its zone (the browser's). */
function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", second: "2-digit", timeZoneName: "short" });
}

const SLICE_OUTCOME: Record<string, string> = { done: "finished", continued: "slice done, continues", cancelled: "cancelled", failed: "failed", not_taken: "already taken by another worker" };

/** The numbers a run reported that say something (zeros and flags left out); a background job by its label. */
function summarize(summary: Record<string, unknown> | null): string {
  if (!summary) return "";
  if (typeof summary.jobId === "string") {
    const items = typeof summary.items === "number" && summary.items > 0 ? ` (${summary.items} ${summary.items === 1 ? "item" : "items"})` : "";
    return `${typeof summary.label === "string" ? summary.label : "A job"}: ${SLICE_OUTCOME[String(summary.outcome)] ?? String(summary.outcome)}${items}`;
  }
  return Object.entries(summary)
    .filter(([, v]) => (typeof v === "number" && v !== 0) || (typeof v === "string" && v !== ""))
    .map(([k, v]) => `${k.replace(/([A-Z])/g, " $1").toLowerCase()} ${v}`)
    .join(" · ");
}

/**
 * The job engine, for admins: whether a worker is alive (or the cron drains it), what waits in
 * the queue, the last runs with their results, and "Run now" for the periodic work.
 */
export function JobEngineCard() {
  const [status, setStatus] = useState<EngineStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    void apiFetch<EngineStatus>("/api/jobs/engine").then((res) => {
      if (res.success) {
        setStatus(res.data);
        setError(null);
      } else setError(res.error);
    });
  }, []);

  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  async function runNow() {
    setBusy(true);
    setNotice(null);
    const res = await apiFetch<{ queued: string[] }>("/api/jobs/engine/run", { method: "POST" });
    setBusy(false);
    if (!res.success) return setError(res.error);
    setNotice(status?.state === "running" ? "Queued: a worker picks them up within seconds; the runs appear below." : "Queued: they run when a worker starts or the next cron call comes (every minute on Vercel).");
    load();
  }

  const live = status?.workers.filter((w) => w.mode !== "cron") ?? [];
  return (
    <Card data-testid="job-engine">
      <CardHeader className="gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <CardTitle>Background work</CardTitle>
          <CardDescription>
            Sequence steps, queued mail, meeting reminders and the long jobs people start (drafts, research, rescoring, imports, exports) run here, never inside a page request.
          </CardDescription>
        </div>
        <Button onClick={runNow} disabled={busy} className="shrink-0" data-testid="engine-run-now">
          {busy ? <Loader2 className="animate-spin" aria-hidden /> : <Play aria-hidden />} Run now
        </Button>
      </CardHeader>
      {/* min-w-0: a grid item may not grow past the card, so the queue table scrolls inside it on a phone. */}
      <CardContent className="grid gap-4 text-sm [&>*]:min-w-0">
        {error ? <p role="alert" className="text-destructive">{error}</p> : null}
        {notice ? <p role="status" className="rounded-md bg-success/10 px-3 py-2 text-success">{notice}</p> : null}
        {!status ? (
          <p className="flex items-center gap-2 text-muted-foreground"><Loader2 className="size-4 animate-spin" aria-hidden /> Loading…</p>
        ) : (
          <>
            <p className="flex flex-wrap items-center gap-2" data-testid="engine-state">
              <Badge variant={status.state === "stopped" ? "destructive" : "success"}>
                {status.state === "running" ? "Running" : status.state === "cron" ? "Driven by cron" : "No worker"}
              </Badge>
              <span className="text-muted-foreground">
                {status.state === "running"
                  ? `${live.length} ${live.length === 1 ? "worker" : "workers"} online: ${live.map((w) => `${w.mode === "server" ? "beside the web server" : "standalone"} on ${w.host} (pid ${w.pid})`).join(", ")}.`
                  : status.state === "cron"
                    ? `No long-running worker; the cron route drained the queue at ${clock(status.lastCronDrainAt!)}.`
                    : "No worker has been seen in the last minutes, so nothing runs: start one with `npm run worker` (or `npm run start`), or call /api/cron/jobs every minute."}
              </span>
            </p>

            <div>
              <h3 className="mb-1 font-medium">Queue</h3>
              {status.queue.length === 0 ? (
                <p className="text-muted-foreground">Nothing waiting.</p>
              ) : (
                <SimpleTable columns={["Task", "Due", "Later", "Running", "Failed"]} label="Job queue" className="rounded-md" tableClassName="tabular-nums" cellClassName="px-3 py-1.5">
                  {status.queue.map((q) => (
                    <tr key={q.task}><td className="px-3 py-1.5">{TASK_LABEL[q.task] ?? q.task}</td><td className="px-3 py-1.5">{q.due}</td><td className="px-3 py-1.5">{q.scheduled}</td><td className="px-3 py-1.5">{q.running}</td><td className={cn("px-3 py-1.5", q.failed && "text-destructive")}>{q.failed}</td></tr>
                  ))}
                </SimpleTable>
              )}
            </div>

            <div>
              <h3 className="mb-1 font-medium">Last runs</h3>
              {status.runs.length === 0 ? (
                <p className="text-muted-foreground">No run yet.</p>
              ) : (
                <ul className="divide-y rounded-md border" aria-label="Last runs" data-testid="engine-runs">
                  {status.runs.map((r) => (
                    <li key={r.id} className="flex flex-col gap-0.5 px-3 py-1.5 sm:flex-row sm:items-baseline sm:gap-3">
                      <span className="w-36 shrink-0 tabular-nums text-muted-foreground">{clock(r.startedAt)}</span>
                      <span className="w-40 shrink-0 font-medium">{TASK_LABEL[r.task] ?? r.task}</span>
                      <span className={cn("min-w-0 flex-1 break-words", r.outcome === "error" || r.outcome === "abandoned" ? "text-destructive" : "text-muted-foreground")}>
                        {r.outcome === "running" ? "running…" : r.outcome === "ok" ? summarize(r.summary) || "nothing to do" : `${r.outcome === "abandoned" ? "abandoned" : "failed"}: ${r.error ?? ""}`}
                        {r.ms !== null ? ` (${r.ms < 1000 ? `${r.ms} ms` : `${(r.ms / 1000).toFixed(1)} s`})` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}
