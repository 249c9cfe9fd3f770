"use client";
import { useEffect, useState } from "react";
import { Loader2, Sparkles } from "lucide-react";
import { announceJob, type JobView } from "@/components/jobs/job-progress";
import { apiFetch } from "@/lib/api-client";
import { useDebouncedApi } from "@/lib/use-debounced-api";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

type Recipient = { id: string; name: string; title: string | null; email: string | null; account: { name: string } | null; suppressed: boolean };
type Option = { id: string; name: string; channel?: string };

/** The server takes up to 500 people per job. */
const MAX = 500;

/**
 * Personalised drafts for many people at once: a background job (the dialog closes at once and
 * the page's JobProgress follows it); each draft lands as a DRAFT to review.
 */
export function BulkGenerateButton() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" data-testid="bulk-generate-open"><Sparkles aria-hidden /> Generate drafts</Button>
      </DialogTrigger>
      <DialogContent aria-describedby={undefined}>{open ? <BulkForm onDone={() => setOpen(false)} /> : null}</DialogContent>
    </Dialog>
  );
}

/** The same dialog for people already chosen elsewhere (the People list's selection). */
export function BulkGenerateDialog({ people, onClose }: { people: { id: string; name: string }[] | null; onClose: () => void }) {
  return (
    <Dialog open={people !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent aria-describedby={undefined}>{people ? <BulkForm preselected={people} onDone={onClose} /> : null}</DialogContent>
    </Dialog>
  );
}

function BulkForm({ onDone, preselected }: { onDone: () => void; preselected?: { id: string; name: string }[] }) {
  const [q, setQ] = useState("");
  const [people, setPeople] = useState<Recipient[] | null>(null);
  const [selected, setSelected] = useState<Map<string, string>>(new Map(preselected?.map((p) => [p.id, p.name])));
  const [templates, setTemplates] = useState<Option[]>([]);
  const [campaigns, setCampaigns] = useState<Option[]>([]);
  const [templateId, setTemplateId] = useState("");
  const [campaignId, setCampaignId] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void Promise.all([apiFetch<Option[]>("/api/templates"), apiFetch<Option[]>("/api/campaigns")]).then(([t, c]) => {
      if (t.success) setTemplates(t.data);
      if (c.success) setCampaigns(c.data);
    });
  }, []);

  useDebouncedApi<Recipient[]>(preselected ? null : { url: `/api/outreach/recipients?q=${encodeURIComponent(q)}` }, 250, (res) => (res.success ? setPeople(res.data) : setError(res.error)));

  function toggle(person: Recipient) {
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(person.id)) next.delete(person.id);
      else if (next.size < MAX) next.set(person.id, person.name);
      return next;
    });
  }

  async function generate() {
    setBusy(true);
    setError(null);
    const res = await apiFetch<JobView>("/api/outreach/generate/bulk", {
      method: "POST",
      body: { personIds: [...selected.keys()], templateId: templateId || null, campaignId: campaignId || null },
    });
    setBusy(false);
    if (!res.success) return setError(res.error);
    announceJob(res.data);
    onDone();
  }

  return (
    <>
      <DialogHeader>
        <DialogTitle>Generate drafts for several people</DialogTitle>
        <DialogDescription>
          {preselected ? `${preselected.length} ${preselected.length === 1 ? "person" : "people"} selected.` : `Pick up to ${MAX} people.`} Each gets a personalised draft from their data and dossier.
          The drafts are written in the background: close this and follow the progress on the page. Nothing is sent.
        </DialogDescription>
      </DialogHeader>
      <div className="flex flex-col gap-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="bulk-template">Template</Label>
            <NativeSelect id="bulk-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              <option value="">Built-in meeting invite</option>
              {templates.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="bulk-campaign">Campaign</Label>
            <NativeSelect id="bulk-campaign" value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
              <option value="">No campaign</option>
              {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </NativeSelect>
          </div>
        </div>
        {preselected ? null : <Input placeholder="Search people by name, email or company" value={q} onChange={(e) => setQ(e.target.value)} aria-label="Search people" />}
        {preselected ? null : people === null ? <p className="text-sm text-muted-foreground">Loading…</p> : people.length === 0 ? <p className="text-sm text-muted-foreground">No one matches.</p> : (
          <ul className="max-h-64 divide-y overflow-y-auto rounded-md border">
            {people.map((p) => (
              <li key={p.id}>
                <label className="flex cursor-pointer items-start gap-2 px-3 py-2 hover:bg-muted">
                  <input type="checkbox" className="mt-1" checked={selected.has(p.id)} onChange={() => toggle(p)} disabled={!selected.has(p.id) && selected.size >= MAX} />
                  <span className="flex flex-col">
                    <span className="text-sm font-medium">{p.name}{p.suppressed ? <span className="ml-2 text-xs font-normal text-destructive">suppressed</span> : null}</span>
                    <span className="text-xs text-muted-foreground">{[p.title, p.account?.name, p.email ?? "no email"].filter(Boolean).join(" · ")}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm text-muted-foreground">{selected.size === 0 ? "Nobody selected yet." : `${selected.size} selected: ${[...selected.values()].slice(0, 4).join(", ")}${selected.size > 4 ? "…" : ""}`}</p>
        {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
      </div>
      <DialogFooter>
        <Button variant="outline" onClick={onDone}>Cancel</Button>
        <Button onClick={generate} disabled={busy || selected.size === 0}>
          {busy ? <><Loader2 className="animate-spin" aria-hidden /> Starting…</> : <><Sparkles aria-hidden /> Generate {selected.size || ""} drafts</>}
        </Button>
      </DialogFooter>
    </>
  );
}
