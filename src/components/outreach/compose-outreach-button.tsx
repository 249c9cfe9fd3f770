"use client";
import { useEffect, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Info, Loader2, Mail, RotateCcw, Send, Sparkles } from "lucide-react";
import { apiFetch } from "@/lib/api-client";
import { placeApiError } from "@/lib/form-errors";
import { browserTimeZone, formatInZone } from "@/lib/time";
import { clearLocalDraft, readLocalDraft, useAutosave } from "@/lib/use-local-draft";
import { Button, type TriggerButtonProps } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { describeOutcome, type SendOutcomeView } from "@/components/outreach/format";
import { MergeFieldPicker, MessagePreview, useFieldInsertion, useMessagePreview } from "@/components/outreach/merge-fields-ui";
import { cn } from "@/lib/utils";
import { PersonSearch } from "@/components/people/person-search";

type Recipient = { id: string; name: string; title: string | null; email: string | null; account: { name: string } | null; suppressed: boolean };
type TemplateOption = { id: string; name: string; channel: "EMAIL" | "LINKEDIN" | "CALL" };
type CampaignOption = { id: string; name: string };
type Draft = { subject: string | null; message: string; generatedBy: string; how: string; warnings: string[] };
type StreamLine = { type: "start"; generatedBy: "ai" | "template" } | { type: "delta"; text: string } | { type: "done"; draft: Draft };
type Channel = "EMAIL" | "LINKEDIN" | "CALL";
type Work = { subject: string; message: string; channel: Channel; templateId: string; campaignId: string; generatedBy: "manual" | "template" | "ai"; savedId: string | null };

/**
 * Write to one person: pick a template, generate a personalised draft (streamed as the AI writes
 * it; AI or template — it says which and why), edit it with merge fields from the picker, watch the live preview for this recipient,
 * then save it as a draft or send it. What is typed is kept in the browser while the dialog is
 * open and after a reload, until it is saved or sent. Without `personId` the dialog starts with
 * a person picker.
 */
export function ComposeOutreachButton({ personId, personName, label = "Write message", campaignId, variant, size, className }: {
  personId?: string;
  personName?: string;
  campaignId?: string;
} & TriggerButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={variant} size={size} className={className} data-testid="compose-open">
          <Mail aria-hidden /> {label}
        </Button>
      </DialogTrigger>
      <DialogContent aria-describedby={undefined} className="sm:max-w-2xl">
        {open ? <ComposeForm initialPerson={personId ? { id: personId, name: personName ?? "this person" } : null} initialCampaignId={campaignId} onDone={() => setOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

const draftKey = (personId: string) => `compose:${personId}`;

function ComposeForm({ initialPerson, initialCampaignId, onDone }: { initialPerson: { id: string; name: string } | null; initialCampaignId?: string; onDone: () => void }) {
  const router = useRouter();
  const [person, setPerson] = useState(initialPerson);
  const [templates, setTemplates] = useState<TemplateOption[]>([]);
  const [campaigns, setCampaigns] = useState<CampaignOption[]>([]);
  const blank: Work = { subject: "", message: "", channel: "EMAIL", templateId: "", campaignId: initialCampaignId ?? "", generatedBy: "manual", savedId: null };
  const [work, setWork] = useState<Work>(() => (initialPerson ? readLocalDraft<Work>(draftKey(initialPerson.id))?.value : null) ?? blank);
  const [restoredAt, setRestoredAt] = useState<string | null>(() => (initialPerson ? readLocalDraft<Work>(draftKey(initialPerson.id))?.savedAt : null) ?? null);
  const [generated, setGenerated] = useState<Draft | null>(null);
  const [busy, setBusy] = useState<null | "generate" | "save" | "send">(null);
  const [error, setError] = useState<{ form: string | null; fields: Record<string, string> }>({ form: null, fields: {} });
  const [outcome, setOutcome] = useState<SendOutcomeView | null>(null);
  // The model's text while it is being written (null when no draft is streaming).
  const [streaming, setStreaming] = useState<string | null>(null);
  const { subject, message, channel, templateId, campaignId, savedId } = work;
  const set = (patch: Partial<Work>) => setWork((w) => ({ ...w, ...patch }));
  const dirty = Boolean(person && (subject.trim() || message.trim()) && !outcome);
  const clearAutosave = useAutosave(person ? draftKey(person.id) : null, work, dirty);
  const { register, insert } = useFieldInsertion<"subject" | "message">("message", (name, next) => set({ [name]: next }));
  const preview = useMessagePreview(person?.id ?? null, channel === "EMAIL" ? subject : "", message);
  const unknown = preview.preview?.unknown ?? [];

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

  function pick(p: { id: string; name: string }) {
    setPerson(p);
    const kept = readLocalDraft<Work>(draftKey(p.id));
    if (kept) {
      setWork(kept.value);
      setRestoredAt(kept.savedAt);
    }
  }

  function discardRestored() {
    if (person) clearLocalDraft(draftKey(person.id));
    setWork(blank);
    setRestoredAt(null);
    setGenerated(null);
  }

  function chooseTemplate(id: string) {
    const chosen = templates.find((t) => t.id === id);
    set({ templateId: id, ...(chosen ? { channel: chosen.channel } : {}) });
  }

  /**
   * The draft arrives as newline-delimited JSON: "start", the model's text in pieces (shown as
   * they come), then "done" with the checked draft and how it was made.
   */
  async function generate() {
    if (!person) return;
    setBusy("generate");
    setError({ form: null, fields: {} });
    setGenerated(null);
    setStreaming("");
    try {
      const response = await fetch("/api/outreach/generate/stream", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ personId: person.id, templateId: templateId || null, channel }),
      });
      if (!response.ok || !response.body) {
        const payload = (await response.json().catch(() => null)) as { error?: string } | null;
        setError({ form: payload?.error ?? `The server answered ${response.status}`, fields: {} });
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
          if (line.type === "delta") {
            text += line.text;
            setStreaming(text);
          }
          if (line.type === "done") {
            set({ subject: line.draft.subject ?? "", message: line.draft.message, generatedBy: line.draft.generatedBy === "ai" ? "ai" : "template" });
            setGenerated(line.draft);
          }
        }
      }
    } catch {
      setError({ form: "Network error — check your connection and try again", fields: {} });
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
      : await apiFetch<{ id: string }>("/api/outreach", { method: "POST", body: { ...payload, personId: person.id, channel, templateId: templateId || null, generatedBy: work.generatedBy } });
    if (!res.success) {
      const placed = placeApiError(res, ["subject", "message"]);
      setError({ form: placed.formError, fields: placed.fieldErrors });
      return null;
    }
    set({ savedId: res.data.id });
    return res.data.id;
  }

  async function onSave() {
    setBusy("save");
    setError({ form: null, fields: {} });
    const id = await save();
    setBusy(null);
    if (id) {
      clearAutosave();
      router.refresh();
      onDone();
    }
  }

  async function onSend() {
    setBusy("send");
    setError({ form: null, fields: {} });
    const id = await save();
    if (!id) return setBusy(null);
    const res = await apiFetch<{ result: SendOutcomeView }>(`/api/outreach/${id}/send`, { method: "POST" });
    setBusy(null);
    if (!res.success) {
      const placed = placeApiError(res, ["subject", "message"]);
      return setError({ form: placed.formError, fields: placed.fieldErrors });
    }
    clearAutosave();
    setOutcome(res.data.result);
    router.refresh();
  }

  const canSubmit = Boolean(person && message.trim() && (channel !== "EMAIL" || subject.trim()));
  const view = outcome ? describeOutcome(outcome) : null;

  return (
    <>
      <DialogHeader>
        <DialogTitle>{person ? `Message to ${person.name}` : "New message"}</DialogTitle>
        <DialogDescription>Generate a personalised draft or write your own, check the preview, then save it or send it. Nothing goes out until you press Send.</DialogDescription>
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
          {!person ? <PersonSearch<Recipient> id="compose-person" label="To" endpoint="/api/outreach/recipients" minChars={0} testId="recipient-results" onPick={(p) => pick({ id: p.id, name: p.name })} /> : null}
          {person ? (
            <>
              {restoredAt ? (
                <p className="flex flex-wrap items-center gap-2 rounded-md border bg-muted/40 px-3 py-2 text-sm" data-testid="compose-restored">
                  <RotateCcw className="size-4 shrink-0" aria-hidden />
                  <span className="flex-1">Restored the message you were writing ({formatInZone(restoredAt, browserTimeZone())}).</span>
                  <Button variant="ghost" size="sm" onClick={discardRestored}>Start over</Button>
                </p>
              ) : null}
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
                  <NativeSelect id="compose-channel" value={channel} onChange={(e) => set({ channel: e.target.value as Channel })} disabled={Boolean(savedId)}>
                    <option value="EMAIL">Email</option>
                    <option value="LINKEDIN">LinkedIn</option>
                    <option value="CALL">Call</option>
                  </NativeSelect>
                </div>
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor="compose-campaign">Campaign</Label>
                  <NativeSelect id="compose-campaign" value={campaignId} onChange={(e) => set({ campaignId: e.target.value })}>
                    <option value="">No campaign</option>
                    {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                  </NativeSelect>
                </div>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                <Button type="button" variant="secondary" onClick={generate} disabled={busy !== null} data-testid="compose-generate">
                  {busy === "generate" ? <Loader2 className="animate-spin" aria-hidden /> : <Sparkles aria-hidden />} Generate draft
                </Button>
                <MergeFieldPicker onInsert={insert} className="ml-auto" />
              </div>
              {streaming !== null ? (
                <div className="whitespace-pre-wrap rounded-md border bg-muted/40 p-3 text-sm" aria-live="polite" data-testid="compose-streaming">
                  {streaming || "Writing…"}
                </div>
              ) : null}
              {generated ? (
                <div className={cn("flex gap-2 rounded-md border px-3 py-2 text-sm", generated.generatedBy === "ai" ? "bg-muted/40" : "border-warning/40 bg-warning/10")} data-testid="compose-how">
                  <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
                  <span>{generated.how}{generated.warnings.length ? ` ${generated.warnings.join(". ")}.` : ""}</span>
                </div>
              ) : null}
              {channel === "EMAIL" ? (
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor="compose-subject">Subject</Label>
                  <Input id="compose-subject" value={subject} onChange={(e) => set({ subject: e.target.value })} maxLength={300} {...register("subject")} aria-invalid={error.fields.subject ? true : undefined} />
                  {error.fields.subject ? <p className="text-xs text-destructive">{error.fields.subject}</p> : null}
                </div>
              ) : null}
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="compose-message">Message</Label>
                <Textarea id="compose-message" value={message} onChange={(e) => set({ message: e.target.value })} rows={10} className="font-[inherit]" placeholder="Write your message, or generate a draft first. Merge fields such as {{person.firstName}} are filled in for the recipient." {...register("message")} aria-invalid={error.fields.message ? true : undefined} />
                {error.fields.message ? <p className="text-xs text-destructive">{error.fields.message}</p> : null}
              </div>
              <section className="grid gap-2 rounded-md border p-3" aria-label={`Preview for ${person.name}`}>
                <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">What {person.name} will read</h3>
                <MessagePreview recipientName={person.name} preview={preview.preview} loading={preview.loading} error={preview.error} showSubject={channel === "EMAIL"} signature={channel === "EMAIL" ? preview.preview?.signature : null} />
              </section>
            </>
          ) : null}
          {error.form ? <p role="alert" className="text-sm text-destructive">{error.form}</p> : null}
          <DialogFooter>
            <Button variant="outline" onClick={onSave} disabled={!canSubmit || busy !== null} data-testid="compose-save">
              {busy === "save" ? <Loader2 className="animate-spin" aria-hidden /> : null} Save draft
            </Button>
            <Button onClick={onSend} disabled={!canSubmit || busy !== null || unknown.length > 0} data-testid="compose-send" title={unknown.length ? "Fix the unknown merge fields first" : undefined}>
              {busy === "send" ? <Loader2 className="animate-spin" aria-hidden /> : <Send aria-hidden />} {channel === "EMAIL" ? "Send now" : "Log as done"}
            </Button>
          </DialogFooter>
        </div>
      )}
    </>
  );
}
