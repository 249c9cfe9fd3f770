"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { apiFetch } from "@/lib/api-client";

type Settings = { name: string | null; email: string; title: string | null; signature: string | null; dailySendCap: number; timeZone: string | null; notificationDigest: "OFF" | "IMMEDIATE" | "DAILY" };
type FieldIssue = { path: string; message: string };

const DIGEST = [
  { value: "IMMEDIATE", label: "Right away", hint: "An email a few minutes after each notification." },
  { value: "DAILY", label: "Once a day", hint: "One digest at 08:00 in your time zone with everything unread." },
  { value: "OFF", label: "Never", hint: "Only the bell in the app." },
] as const;

/** Settings → "My settings": what a rep changes for themselves. */
export function MySettingsForm({ initial, timeZones }: { initial: Settings; timeZones: string[] }) {
  const router = useRouter();
  const [s, setS] = useState({ ...initial, name: initial.name ?? "", title: initial.title ?? "", signature: initial.signature ?? "", dailySendCap: String(initial.dailySendCap), timeZone: initial.timeZone ?? "" });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const issue = (path: string) => issues.find((i) => i.path === path)?.message;

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    setIssues([]);
    const res = await apiFetch("/api/me/settings", {
      method: "PATCH",
      body: {
        name: s.name, title: s.title, signature: s.signature, timeZone: s.timeZone || null, notificationDigest: s.notificationDigest,
        dailySendCap: s.dailySendCap.trim() === "" ? Number.NaN : Number(s.dailySendCap),
      },
    });
    setBusy(false);
    if (!res.success) {
      setIssues(Array.isArray(res.details) ? (res.details as FieldIssue[]) : []);
      return setMessage({ kind: "error", text: "Not saved: check the fields marked below." });
    }
    setMessage({ kind: "ok", text: "Saved." });
    router.refresh();
  }

  return (
    <form onSubmit={save} className="grid gap-6" data-testid="my-settings" noValidate>
      <Card>
        <CardHeader>
          <CardTitle>Sending</CardTitle>
          <CardDescription>How your emails go out. Signed in as {initial.email}.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2 [&>*]:min-w-0">
          <FormField id="my-name" label="Name" error={issue("name")}><Input id="my-name" value={s.name} onChange={(e) => setS({ ...s, name: e.target.value })} maxLength={120} /></FormField>
          <FormField id="my-title" label="Title" error={issue("title")}><Input id="my-title" value={s.title} onChange={(e) => setS({ ...s, title: e.target.value })} maxLength={120} placeholder="Account Executive" /></FormField>
          <FormField id="my-signature" label="Signature (added under every email you send)" error={issue("signature")} className="sm:col-span-2">
            <Textarea id="my-signature" value={s.signature} onChange={(e) => setS({ ...s, signature: e.target.value })} rows={4} maxLength={2000} placeholder={"Maya Chen\nAccount Executive · +1 555 0100"} />
          </FormField>
          <FormField id="my-cap" label="Daily send cap (emails per 24 hours)" error={issue("dailySendCap")}>
            <Input id="my-cap" inputMode="numeric" value={s.dailySendCap} onChange={(e) => setS({ ...s, dailySendCap: e.target.value })} />
          </FormField>
          <FormField id="my-zone" label="Your time zone" error={issue("timeZone")}>
            <NativeSelect id="my-zone" value={s.timeZone} onChange={(e) => setS({ ...s, timeZone: e.target.value })}>
              <option value="">Not set (UTC)</option>
              {timeZones.map((z) => <option key={z} value={z}>{z.replaceAll("_", " ")}</option>)}
            </NativeSelect>
          </FormField>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Notification emails</CardTitle>
          <CardDescription>The bell always shows replies, clicks, leads at your accounts, due tasks, failed steps and finished imports. Choose when email follows.</CardDescription>
        </CardHeader>
        <CardContent>
          <fieldset className="grid gap-2" data-testid="digest-options">
            <legend className="sr-only">Email me about notifications</legend>
            {DIGEST.map((d) => (
              <label key={d.value} className="flex cursor-pointer items-start gap-3 rounded-md border p-3 has-[:checked]:border-primary has-[:checked]:bg-primary/5">
                <input type="radio" name="digest" value={d.value} checked={s.notificationDigest === d.value} onChange={() => setS({ ...s, notificationDigest: d.value })} className="mt-1" />
                <span><span className="block text-sm font-medium">{d.label}</span><span className="block text-sm text-muted-foreground">{d.hint}</span></span>
              </label>
            ))}
          </fieldset>
        </CardContent>
      </Card>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy} data-testid="my-settings-save">{busy ? <Loader2 className="animate-spin" aria-hidden /> : null} Save my settings</Button>
        {message ? <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-sm text-destructive" : "text-sm text-success"} data-testid="my-settings-message">{message.text}</p> : null}
      </div>
    </form>
  );
}
