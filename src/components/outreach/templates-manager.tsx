"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { AlertTriangle, Archive, FilePlus2, Loader2, Save } from "lucide-react";
import { apiFetch } from "@/lib/api-client";
import { useDebouncedApi } from "@/lib/use-debounced-api";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";

/** `refusal`: why the signed-in teammate may not change this template (the permission matrix), null when they may. */
type Template = { id: string; name: string; channel: "EMAIL" | "LINKEDIN" | "CALL"; subject: string | null; body: string; refusal?: string | null };
type Recipient = { id: string; name: string; account: { name: string } | null };
type Preview = { subject: string; body: string; missing: string[]; unknown: string[] };

const EMPTY: Omit<Template, "id" | "refusal"> = { name: "", channel: "EMAIL", subject: "", body: "" };

/** Template list + editor with merge-field chips and a live preview against a chosen person. */
export function TemplatesManager({ templates, fields }: { templates: Template[]; fields: string[] }) {
  const router = useRouter();
  const [selectedId, setSelectedId] = useState<string | null>(templates[0]?.id ?? null);
  const selected = templates.find((t) => t.id === selectedId) ?? null;
  const [form, setForm] = useState<Omit<Template, "id" | "refusal">>(selected ?? EMPTY);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [people, setPeople] = useState<Recipient[]>([]);
  const [personId, setPersonId] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    void apiFetch<Recipient[]>("/api/outreach/recipients?q=").then((res) => {
      if (res.success) {
        setPeople(res.data);
        if (res.data[0]) setPersonId((current) => current || res.data[0].id);
      }
    });
  }, []);

  useDebouncedApi<Preview>(
    personId && form.body.trim() ? { url: "/api/templates/preview", method: "POST", body: { personId, subject: form.subject, body: form.body } } : null,
    300,
    (res) => setPreview(res.success ? res.data : null),
  );

  function select(template: Template | null) {
    setSelectedId(template?.id ?? null);
    setForm(template ? { name: template.name, channel: template.channel, subject: template.subject ?? "", body: template.body } : EMPTY);
    setError(null);
    setPreview(null);
  }

  function insertField(field: string) {
    const token = `{{${field}}}`;
    const el = bodyRef.current;
    if (!el) return setForm((f) => ({ ...f, body: f.body + token }));
    const start = el.selectionStart ?? form.body.length;
    const end = el.selectionEnd ?? start;
    setForm((f) => ({ ...f, body: f.body.slice(0, start) + token + f.body.slice(end) }));
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function save() {
    setBusy("save");
    setError(null);
    const body = { name: form.name, channel: form.channel, subject: form.channel === "EMAIL" ? form.subject : form.subject || null, body: form.body };
    const res = selectedId
      ? await apiFetch<Template>(`/api/templates/${selectedId}`, { method: "PATCH", body })
      : await apiFetch<Template>("/api/templates", { method: "POST", body });
    setBusy(null);
    if (!res.success) return setError(res.error);
    setSelectedId(res.data.id);
    router.refresh();
  }

  async function archive() {
    if (!selectedId) return;
    setBusy("archive");
    const res = await apiFetch(`/api/templates/${selectedId}`, { method: "DELETE" });
    setBusy(null);
    if (!res.success) return setError(res.error);
    select(null);
    router.refresh();
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[16rem_1fr]">
      <Card className="h-fit">
        <CardHeader className="flex-row items-center justify-between">
          <CardTitle>Templates</CardTitle>
          <Button size="sm" variant="outline" onClick={() => select(null)}><FilePlus2 aria-hidden /> New</Button>
        </CardHeader>
        <CardContent className="p-2 pt-0">
          {templates.length === 0 ? <p className="p-3 text-sm text-muted-foreground">No templates yet. Write the first one.</p> : null}
          <ul className="flex flex-col gap-0.5" data-testid="template-list">
            {templates.map((t) => (
              <li key={t.id}>
                <button type="button" onClick={() => select(t)} className={cn("flex w-full items-center justify-between gap-2 rounded-md px-3 py-2 text-left text-sm hover:bg-muted", t.id === selectedId && "bg-muted font-medium")}>
                  <span className="truncate">{t.name}</span>
                  {t.channel !== "EMAIL" ? <Badge variant="secondary">{t.channel === "LINKEDIN" ? "LinkedIn" : "Call"}</Badge> : null}
                </button>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>

      <div className="grid gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader><CardTitle>{selectedId ? "Edit template" : "New template"}</CardTitle></CardHeader>
          <CardContent className="flex flex-col gap-3">
            <div className="grid gap-3 sm:grid-cols-[1fr_9rem]">
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="tpl-name">Name</Label>
                <Input id="tpl-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} placeholder="e.g. Booth invite" />
              </div>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="tpl-channel">Channel</Label>
                <NativeSelect id="tpl-channel" value={form.channel} onChange={(e) => setForm({ ...form, channel: e.target.value as Template["channel"] })}>
                  <option value="EMAIL">Email</option>
                  <option value="LINKEDIN">LinkedIn</option>
                  <option value="CALL">Call</option>
                </NativeSelect>
              </div>
            </div>
            {form.channel === "EMAIL" ? (
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="tpl-subject">Subject</Label>
                <Input id="tpl-subject" value={form.subject ?? ""} onChange={(e) => setForm({ ...form, subject: e.target.value })} />
              </div>
            ) : null}
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="tpl-body">Body</Label>
              <Textarea id="tpl-body" ref={bodyRef} rows={14} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} placeholder="Hi {{person.firstName}}, …" />
            </div>
            <div>
              <p className="mb-1.5 text-xs text-muted-foreground">Insert a merge field (add a fallback with a pipe: {"{{person.firstName|there}}"})</p>
              <div className="flex flex-wrap gap-1">
                {fields.map((f) => (
                  <button key={f} type="button" onClick={() => insertField(f)} className="rounded-full border bg-card px-2 py-0.5 font-mono text-[11px] hover:bg-muted">{f}</button>
                ))}
              </div>
            </div>
            {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
            {selected?.refusal ? (
              <p className="text-sm text-muted-foreground" data-testid="template-refusal">{selected.refusal}</p>
            ) : (
              <div className="flex flex-wrap gap-2">
                <Button onClick={save} disabled={busy !== null || !form.name.trim() || !form.body.trim()}>
                  {busy === "save" ? <Loader2 className="animate-spin" aria-hidden /> : <Save aria-hidden />} {selectedId ? "Save changes" : "Create template"}
                </Button>
                {selectedId ? <Button variant="ghost" onClick={archive} disabled={busy !== null}><Archive aria-hidden /> Archive</Button> : null}
              </div>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader className="gap-2">
            <CardTitle>Preview</CardTitle>
            <NativeSelect aria-label="Preview for" value={personId} onChange={(e) => setPersonId(e.target.value)}>
              {people.length === 0 ? <option value="">No people in this event</option> : null}
              {people.map((p) => <option key={p.id} value={p.id}>{p.name}{p.account ? ` — ${p.account.name}` : ""}</option>)}
            </NativeSelect>
          </CardHeader>
          <CardContent className="flex flex-col gap-3" data-testid="template-preview">
            {!form.body.trim() ? <p className="text-sm text-muted-foreground">Write a body to see it filled in for a real person.</p> : !preview ? <p className="text-sm text-muted-foreground">Rendering…</p> : (
              <>
                {preview.missing.length > 0 || preview.unknown.length > 0 ? (
                  <div className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm" data-testid="preview-warnings">
                    <p className="flex items-center gap-1.5 font-medium"><AlertTriangle className="size-4" aria-hidden /> Personalisation gaps for this person</p>
                    <ul className="mt-1 list-disc pl-5 text-muted-foreground">
                      {preview.missing.map((m) => <li key={m}><code>{m}</code> is empty</li>)}
                      {preview.unknown.map((m) => <li key={m}><code>{m}</code> is not a merge field</li>)}
                    </ul>
                  </div>
                ) : null}
                {form.channel === "EMAIL" ? <p className="text-sm"><span className="text-muted-foreground">Subject: </span><span className="font-medium">{preview.subject}</span></p> : null}
                <div className="whitespace-pre-wrap break-words rounded-md bg-muted/50 p-4 text-sm">{preview.body}</div>
              </>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
