"use client";
import { useEffect, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { AlertTriangle, Loader2, Mail, Send, Sparkles } from "lucide-react";
import { apiFetch } from "@/lib/api-client";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { describeOutcome, type SendOutcomeView } from "@/components/outreach/format";
import { cn } from "@/lib/utils";

type Recipient = { id: string; name: string; title: string | null; email: string | null; account: { name: string } | null; suppressed: boolean };
type TemplateOption = { id: string; name: string; channel: "EMAIL" | "LINKEDIN" | "CALL" };
type CampaignOption = { id: string; name: string };
type Draft = { subject: string | null; message: string; generatedBy: string; missing: string[]; warnings: string[] };
type StreamLine = { type: "start"; generatedBy: "ai" | "template" } | { type: "delta"; text: string } | { type: "done"; draft: Draft };

/**
 * Write to one person: pick a template, generate a personalised draft (AI or template), edit
 * it, then save it as a draft or send it now. Sending outside the recipient's business hours
 * queues it and says until when. Without `personId` the dialog starts with a person picker.
 */
export function ComposeOutreachButton({ personId, personName, label = "Write message", campaignId, variant, size, className }: {
  personId?: string;
  personName?: string;
  label?: string;
  campaignId?: string;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={variant} size={size} className={className} data-testid="compose-open">
          <Mail aria-hidden /> {label}
        </Button>
      </DialogTrigger>
      <DialogContent aria-describedby={undefined}>
        {open ? <ComposeForm initialPerson={personId ? { id: personId, name: personName ?? "this person" } : null} initialCampaignId={campaignId} onDone={() => setOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function ComposeForm({ initialPerson, initialCampaignId, onDone }: { initialPerson: { id: string; name: string } | null; initialCampaignId?: string; onDone: () => void }) {
  const router = useRouter();
  const [person, setPerson] = useState(initialPerson);
  const [templates, setTemplates] = useState<TemplateOption[]>([]);
  const [campaigns, setCampaigns] = useState<CampaignOption[]>([]);
  const [templateId, setTemplateId] = useState("");
  const [campaignId, setCampaignId] = useState(initialCampaignId ?? "");
  const [channel, setChannel] = useState<"EMAIL" | "LINKEDIN" | "CALL">("EMAIL");
  const [subject, setSubject] = useState("");
  const [message, setMessage] = useState("");
  const [generatedBy, setGeneratedBy] = useState<"manual" | "template" | "ai">("manual");
  const [notes, setNotes] = useState<{ missing: string[]; warnings: string[] }>({ missing: [], warnings: [] });
  const [busy, setBusy] = useState<null | "generate" | "save" | "send">(null);
  const [error, setError] = useState<string | null>(null);
  const [savedId, setSavedId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<SendOutcomeView | null>(null);
  // The model's text while it is being written (null when no draft is streaming).
  const [streaming, setStreaming] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([apiFetch<TemplateOption[]>("/api/templates"), apiFetch<CampaignOption[]>("/api/campaigns")]).then(([t, c]) => {
      if (!live) return;
      if (t.success) setTemplates(t.data);
      if (c.success) setCampaigns(c.data);
    });
    return () => {
      live = false;
    };
  }, []);

  function chooseTemplate(id: string) {
    setTemplateId(id);
    const chosen = templates.find((t) => t.id === id);
    if (chosen) setChannel(chosen.channel);
  }

  // The draft arrives as newline-delimited JSON: "start", then pieces of text as the model
  // writes them (shown as they come), then "done" with the checked draft.
  async function generate() {
    if (!person) return;
    setBusy("generate");
    setError(null);
    setStreaming("");
    try {
      const response = await fetch("/api/outreach/generate/stream", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ personId: person.id, templateId: templateId || null, channel }),
      });
      if (!response.ok || !response.body) {
        const payload = (await response.json().catch(() => null)) as { error?: string } | null;
        setError(payload?.error ?? `The server answered ${response.status}`);
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      let text = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let newline: number;
        while ((newline = buffer.indexOf("\n")) >= 0) {
          const line = JSON.parse(buffer.slice(0, newline)) as StreamLine;
          buffer = buffer.slice(newline + 1);
          if (line.type === "start") setGeneratedBy(line.generatedBy);
          if (line.type === "delta") {
            text += line.text;
            setStreaming(text);
          }
          if (line.type === "done") {
            setSubject(line.draft.subject ?? "");
            setMessage(line.draft.message);
            setGeneratedBy(line.draft.generatedBy === "ai" ? "ai" : "template");
            setNotes({ missing: line.draft.missing, warnings: line.draft.warnings });
          }
        }
      }
    } catch {
      setError("Network error — check your connection and try again");
    } finally {
      setStreaming(null);
      setBusy(null);
    }
  }

  async function save(): Promise<string | null> {
    if (!person) return null;
    const payload = { subject: channel === "EMAIL" ? subject : subject || null, message, campaignId: campaignId || null };
    const res = savedId
      ? await apiFetch<{ id: string }>(`/api/outreach/${savedId}`, { method: "PATCH", body: { ...payload, channel } })
      : await apiFetch<{ id: string }>("/api/outreach", { method: "POST", body: { ...payload, personId: person.id, channel, templateId: templateId || null, generatedBy } });
    if (!res.success) {
      setError(res.error);
      return null;
    }
    setSavedId(res.data.id);
    return res.data.id;
  }

  async function onSave() {
    setBusy("save");
    setError(null);
    const id = await save();
    setBusy(null);
    if (id) {
      router.refresh();
      setOutcome(null);
      onDone();
    }
  }

  async function onSend() {
    setBusy("send");
    setError(null);
    const id = await save();
    if (!id) return setBusy(null);
    const res = await apiFetch<{ result: SendOutcomeView }>(`/api/outreach/${id}/send`, { method: "POST" });
    setBusy(null);
    if (!res.success) return setError(res.error);
    setOutcome(res.data.result);
    router.refresh();
  }

  const canSubmit = Boolean(person && message.trim() && (channel !== "EMAIL" || subject.trim()));
  const view = outcome ? describeOutcome(outcome) : null;

  return (
    <>
      <DialogHeader>
        <DialogTitle>{person ? `Message to ${person.name}` : "New message"}</DialogTitle>
        <DialogDescription>Generate a personalised draft, edit it, then save it or send it. Nothing goes out until you press Send.</DialogDescription>
      </DialogHeader>

      {view ? (
        <div className="flex flex-col gap-4">
          <p
            data-testid="compose-outcome"
            className={cn("rounded-md border px-3 py-2 text-sm", view.tone === "success" && "border-success/40 bg-success/10", view.tone === "warning" && "border-warning/40 bg-warning/10", view.tone === "error" && "border-destructive/40 bg-destructive/10")}
          >
            {view.text}
          </p>
          <DialogFooter>
            {savedId ? <Button variant="outline" asChild><Link href={`/dashboard/outreach/${savedId}`}>Open message</Link></Button> : null}
            <Button onClick={onDone}>Done</Button>
          </DialogFooter>
        </div>
      ) : (
        <div className="flex flex-col gap-4">
          {!person ? <RecipientPicker onPick={(p) => setPerson({ id: p.id, name: p.name })} /> : null}
          {person ? (
            <>
              <div className="grid gap-3 sm:grid-cols-3">
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor="compose-template">Template</Label>
                  <NativeSelect id="compose-template" value={templateId} onChange={(e) => chooseTemplate(e.target.value)}>
                    <option value="">Built-in meeting invite</option>
                    {templates.map((t) => <option key={t.id} value={t.id}>{t.name}{t.channel !== "EMAIL" ? ` (${t.channel.toLowerCase()})` : ""}</option>)}
                  </NativeSelect>
                </div>
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor="compose-channel">Channel</Label>
                  <NativeSelect id="compose-channel" value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)} disabled={Boolean(savedId)}>
                    <option value="EMAIL">Email</option>
                    <option value="LINKEDIN">LinkedIn</option>
                    <option value="CALL">Call</option>
                  </NativeSelect>
                </div>
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor="compose-campaign">Campaign</Label>
                  <NativeSelect id="compose-campaign" value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
                    <option value="">No campaign</option>
                    {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                  </NativeSelect>
                </div>
              </div>
              <div>
                <Button type="button" variant="secondary" onClick={generate} disabled={busy !== null} data-testid="compose-generate">
                  {busy === "generate" ? <Loader2 className="animate-spin" aria-hidden /> : <Sparkles aria-hidden />} Generate draft
                </Button>
                {generatedBy !== "manual" && busy !== "generate" ? (
                  <span className="ml-3 text-xs text-muted-foreground" data-testid="compose-draft-kind">
                    {generatedBy === "ai" ? "AI draft: check every fact before sending" : "Template draft: the template filled in with this person's data (no AI)"}
                  </span>
                ) : null}
              </div>
              {streaming !== null ? (
                <div className="whitespace-pre-wrap rounded-md border bg-muted/40 p-3 text-sm" aria-live="polite" data-testid="compose-streaming">
                  {streaming || "Writing…"}
                </div>
              ) : null}
              {notes.missing.length > 0 || notes.warnings.length > 0 ? (
                <div className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm" data-testid="compose-warnings">
                  <p className="flex items-center gap-1.5 font-medium"><AlertTriangle className="size-4" aria-hidden /> Check before sending</p>
                  <ul className="mt-1 list-disc pl-5 text-muted-foreground">
                    {notes.missing.length > 0 ? <li>Empty for this person (a generic phrase was used): {notes.missing.join(", ")}</li> : null}
                    {notes.warnings.map((w) => <li key={w}>{w}</li>)}
                  </ul>
                </div>
              ) : null}
              {channel === "EMAIL" ? (
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor="compose-subject">Subject</Label>
                  <Input id="compose-subject" value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={300} />
                </div>
              ) : null}
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="compose-message">Message</Label>
                <Textarea id="compose-message" value={message} onChange={(e) => setMessage(e.target.value)} rows={12} className="font-[inherit]" placeholder="Write your message, or generate a draft first." />
              </div>
            </>
          ) : null}
          {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
          <DialogFooter>
            <Button variant="outline" onClick={onSave} disabled={!canSubmit || busy !== null} data-testid="compose-save">
              {busy === "save" ? <Loader2 className="animate-spin" aria-hidden /> : null} Save draft
            </Button>
            <Button onClick={onSend} disabled={!canSubmit || busy !== null} data-testid="compose-send">
              {busy === "send" ? <Loader2 className="animate-spin" aria-hidden /> : <Send aria-hidden />} {channel === "EMAIL" ? "Send now" : "Log as done"}
            </Button>
          </DialogFooter>
        </div>
      )}
    </>
  );
}

function RecipientPicker({ onPick }: { onPick: (person: Recipient) => void }) {
  const [q, setQ] = useState("");
  const [results, setResults] = useState<Recipient[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      apiFetch<Recipient[]>(`/api/outreach/recipients?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then((res) => (res.success ? (setResults(res.data), setError(null)) : setError(res.error)))
        .catch(() => undefined);
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor="compose-person">To</Label>
      <Input id="compose-person" placeholder="Search people by name, email or company" value={q} onChange={(e) => setQ(e.target.value)} autoFocus />
      {error ? <p className="text-sm text-destructive">{error}</p> : null}
      {results === null ? <p className="text-sm text-muted-foreground">Loading…</p> : results.length === 0 ? <p className="text-sm text-muted-foreground">No one matches “{q}”.</p> : (
        <ul className="max-h-64 divide-y overflow-y-auto rounded-md border" data-testid="recipient-results">
          {results.map((p) => (
            <li key={p.id}>
              <button type="button" className="flex w-full flex-col items-start px-3 py-2 text-left hover:bg-muted" onClick={() => onPick(p)}>
                <span className="text-sm font-medium">{p.name}{p.suppressed ? <span className="ml-2 text-xs font-normal text-destructive">Do not email (suppressed)</span> : null}</span>
                <span className="text-xs text-muted-foreground">{[p.title, p.account?.name, p.email ?? "no email"].filter(Boolean).join(" · ")}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
