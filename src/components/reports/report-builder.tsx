"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Download, Eye, Loader2, Save } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch } from "@/lib/api-client";
import { cn } from "@/lib/utils";
import type { ReportConfig } from "@/server/reports/config";
import { TIERS, type Tier } from "@/lib/vocabulary";
import { METRIC_LABELS, REPORT_METRICS, REPORT_SECTIONS, SECTION_LABELS, type ReportMetric, type ReportSection } from "@/lib/reports/labels";
import { downloadReportPdf, fetchReportHtml } from "./download";
import { FormMessage } from "@/components/ui/form-message";


function toggle<T>(list: T[], value: T, order: readonly T[]): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : order.filter((v) => v === value || list.includes(v));
}

/** One checkbox per choice; what is chosen stays in the choices' own order. */
function Checkboxes<T extends string>({ choices, chosen, onChange, label, className }: {
  choices: readonly T[];
  chosen: T[];
  onChange: (next: T[]) => void;
  label: (choice: T) => string;
  className?: string;
}) {
  return choices.map((c) => (
    <label key={c} className={cn("flex items-center gap-2 text-sm", className)}>
      <input type="checkbox" className="size-4 accent-[oklch(0.5_0.21_275)]" checked={chosen.includes(c)} onChange={() => onChange(toggle(chosen, c, choices))} />
      {label(c)}
    </label>
  ));
}

export function ReportBuilder({ eventId, reps, initial }: {
  eventId: string;
  reps: { id: string; name: string }[];
  initial?: { id: string; name: string; config: ReportConfig; canEdit: boolean };
}) {
  const router = useRouter();
  const [name, setName] = useState(initial?.name ?? "");
  const [title, setTitle] = useState(initial?.config.title ?? "");
  const [sections, setSections] = useState<ReportSection[]>(initial?.config.sections ?? [...REPORT_SECTIONS]);
  const [metrics, setMetrics] = useState<ReportMetric[]>(initial?.config.metrics ?? [...REPORT_METRICS]);
  const [tiers, setTiers] = useState<Tier[]>(initial?.config.filters.tiers ?? []);
  const [ownerId, setOwnerId] = useState(initial?.config.filters.ownerId ?? "");
  const [from, setFrom] = useState(initial?.config.filters.from ?? "");
  const [to, setTo] = useState(initial?.config.filters.to ?? "");
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState<"preview" | "pdf" | "save" | null>(null);
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);

  const config = useCallback((): ReportConfig => ({
    ...(title.trim() ? { title: title.trim() } : {}),
    sections,
    metrics,
    filters: {
      ...(tiers.length ? { tiers } : {}),
      ...(ownerId ? { ownerId } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    },
  }), [title, sections, metrics, tiers, ownerId, from, to]);

  const initialConfig = useRef(config());
  const runPreview = useCallback(async () => {
    setBusy("preview");
    const result = await fetchReportHtml(eventId, config());
    setBusy(null);
    if ("error" in result) setMessage({ kind: "error", text: result.error });
    else { setPreview(result.html); setMessage(null); }
  }, [eventId, config]);

  useEffect(() => {
    // The first preview shows what the builder starts from; later previews are on demand.
    let cancelled = false;
    fetchReportHtml(eventId, initialConfig.current).then((result) => {
      if (cancelled) return;
      if ("error" in result) setMessage({ kind: "error", text: result.error });
      else setPreview(result.html);
    });
    return () => { cancelled = true; };
  }, [eventId]);

  async function onPdf() {
    setBusy("pdf");
    const error = await downloadReportPdf(eventId, config());
    setBusy(null);
    setMessage(error ? { kind: "error", text: error } : { kind: "ok", text: "PDF downloaded." });
  }

  async function onSave() {
    if (!name.trim()) { setMessage({ kind: "error", text: "Give the report a name to save it." }); return; }
    setBusy("save");
    const result = initial?.canEdit
      ? await apiFetch<{ id: string }>(`/api/reports/${initial.id}`, { method: "PATCH", body: { name: name.trim(), config: config() } })
      : await apiFetch<{ id: string }>("/api/reports", { method: "POST", body: { eventId, name: name.trim(), config: config() } });
    setBusy(null);
    if (!result.success) { setMessage({ kind: "error", text: result.error }); return; }
    setMessage({ kind: "ok", text: `Saved "${name.trim()}".` });
    if (!initial?.canEdit) router.replace(`/dashboard/reports/builder?id=${result.data.id}`);
    router.refresh();
  }

  return (
    <div className="grid gap-6 xl:grid-cols-[380px_1fr] [&>*]:min-w-0">
      <Card className="h-fit">
        <CardHeader>
          <CardTitle>Report contents</CardTitle>
          <CardDescription>Choose what to include and which slice of the event. The numbers are the dashboard&apos;s.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <div className="grid gap-1.5">
            <Label htmlFor="report-name">Name (for saving)</Label>
            <Input id="report-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Tier A weekly" maxLength={120} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="report-title">Title on the report</Label>
            <Input id="report-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Defaults to “<event> report”" maxLength={120} />
          </div>
          <fieldset className="grid gap-1.5">
            <legend className="mb-1 text-sm font-medium">Sections</legend>
            <Checkboxes choices={REPORT_SECTIONS} chosen={sections} onChange={setSections} label={(s) => SECTION_LABELS[s]} />
          </fieldset>
          {sections.includes("summary") ? (
            <fieldset className="grid grid-cols-2 gap-1.5">
              <legend className="mb-1 text-sm font-medium">Key metrics</legend>
              <Checkboxes choices={REPORT_METRICS} chosen={metrics} onChange={setMetrics} label={(m) => METRIC_LABELS[m]} />
            </fieldset>
          ) : null}
          <fieldset className="grid gap-3">
            <legend className="mb-1 text-sm font-medium">Filters</legend>
            <div className="flex flex-wrap gap-3" role="group" aria-label="Tiers">
              <Checkboxes choices={TIERS} chosen={tiers} onChange={setTiers} label={(t) => `Tier ${t}`} className="gap-1.5" />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="report-rep">Rep</Label>
              <select id="report-rep" value={ownerId} onChange={(e) => setOwnerId(e.target.value)} className="h-9 rounded-md border border-input bg-card px-2 text-sm">
                <option value="">Whole team</option>
                {reps.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
              </select>
            </div>
            <div className="grid grid-cols-2 gap-2">
              <div className="grid gap-1.5"><Label htmlFor="report-from">From</Label><Input id="report-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></div>
              <div className="grid gap-1.5"><Label htmlFor="report-to">To (inclusive)</Label><Input id="report-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} /></div>
            </div>
            <p className="text-xs text-muted-foreground">Dates apply to when outreach was sent and meetings are scheduled, in the event&apos;s time zone.</p>
          </fieldset>
          <FormMessage message={message} />
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="outline" onClick={runPreview} disabled={busy !== null || sections.length === 0}>
              {busy === "preview" ? <Loader2 className="animate-spin" aria-hidden /> : <Eye aria-hidden />} Preview
            </Button>
            <Button type="button" variant="outline" onClick={onPdf} disabled={busy !== null || sections.length === 0}>
              {busy === "pdf" ? <Loader2 className="animate-spin" aria-hidden /> : <Download aria-hidden />} PDF
            </Button>
            {initial && !initial.canEdit ? null : (
              <Button type="button" onClick={onSave} disabled={busy !== null || sections.length === 0}>
                {busy === "save" ? <Loader2 className="animate-spin" aria-hidden /> : <Save aria-hidden />} {initial ? "Save changes" : "Save report"}
              </Button>
            )}
          </div>
          {initial && !initial.canEdit ? <p className="text-xs text-muted-foreground">Only the owner or an admin can change this saved report; you can still preview and download it.</p> : null}
        </CardContent>
      </Card>
      <Card className="overflow-hidden">
        <CardHeader>
          <CardTitle>Preview</CardTitle>
          <CardDescription>Exactly what prints; the PDF has the same tables.</CardDescription>
        </CardHeader>
        <CardContent>
          {preview ? (
            <iframe title="Report preview" srcDoc={preview} sandbox="" className="h-[720px] w-full rounded-md border bg-white" data-testid="report-preview" />
          ) : (
            <div className="flex h-64 items-center justify-center text-sm text-muted-foreground">
              {busy === "preview" ? <><Loader2 className="mr-2 size-4 animate-spin" aria-hidden /> Building the preview…</> : "Press Preview to see the report."}
            </div>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
