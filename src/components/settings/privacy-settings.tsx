"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { apiFetch } from "@/lib/api-client";

type FieldIssue = { path: string; message: string };
type Settings = { organizationName: string; postalAddress: string; retentionMonths: number | null };
type Candidate = { id: string; name: string; account: string | null; event: string; dueAt: string };

/** Settings → Privacy: the sender identity every email's footer carries, the event's "why you hear from us", and retention. */
export function PrivacySettingsForm({ isAdmin, initial, event }: { isAdmin: boolean; initial: Settings; event: { id: string; name: string; outreachReason: string | null } | null }) {
  const router = useRouter();
  const [s, setS] = useState(initial);
  const [months, setMonths] = useState(initial.retentionMonths === null ? "" : String(initial.retentionMonths));
  const [reason, setReason] = useState(event?.outreachReason ?? "");
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const issueFor = (path: string) => issues.find((i) => i.path === path)?.message;
  const disabled = !isAdmin || busy;

  async function save() {
    setBusy(true);
    setMessage(null);
    setIssues([]);
    const retentionMonths = months.trim() === "" ? null : Number(months);
    const res = await apiFetch("/api/settings/privacy", { method: "PUT", body: { ...s, retentionMonths: Number.isFinite(retentionMonths) ? retentionMonths : months } });
    if (!res.success) {
      setBusy(false);
      setIssues(Array.isArray(res.details) ? (res.details as FieldIssue[]) : []);
      return setMessage({ kind: "error", text: res.error });
    }
    if (event && reason.trim() !== (event.outreachReason ?? "")) {
      const saved = await apiFetch(`/api/events/${event.id}`, { method: "PATCH", body: { outreachReason: reason.trim() || null } });
      if (!saved.success) {
        setBusy(false);
        setIssues([{ path: "outreachReason", message: saved.error }]);
        return setMessage({ kind: "error", text: saved.error });
      }
    }
    setBusy(false);
    setMessage({ kind: "ok", text: "Saved. Every email from now on carries this footer." });
    router.refresh();
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Email footer and retention</CardTitle>
        <CardDescription>
          The law requires the sender&apos;s name and postal address in every commercial email. Real sending stays off until both are set; the dev mailbox works without them.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="privacy-org" label="Organisation name" error={issueFor("organizationName")}>
            <Input id="privacy-org" value={s.organizationName} disabled={disabled} onChange={(e) => setS({ ...s, organizationName: e.target.value })} placeholder="Yardline Inc." />
          </FormField>
          <FormField id="privacy-retention" label="Erase never-engaged prospects after (months after the event ends)" error={issueFor("retentionMonths")}>
            <Input id="privacy-retention" inputMode="numeric" value={months} disabled={disabled} onChange={(e) => setMonths(e.target.value)} placeholder="Keep until erased by hand" />
          </FormField>
        </div>
        <FormField id="privacy-address" label="Postal address" error={issueFor("postalAddress")}>
          <Textarea id="privacy-address" rows={2} value={s.postalAddress} disabled={disabled} onChange={(e) => setS({ ...s, postalAddress: e.target.value })} placeholder="100 Main Street, Suite 4, Chicago, IL 60601, USA" />
        </FormField>
        {event ? (
          <FormField id="privacy-reason" label={`Why recipients hear from us (${event.name})`} error={issueFor("outreachReason")}>
            <Input id="privacy-reason" value={reason} disabled={disabled} onChange={(e) => setReason(e.target.value)} placeholder={`You are receiving this because your company is attending ${event.name}.`} />
          </FormField>
        ) : null}
        {message ? <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-sm text-destructive" : "text-sm text-success"}>{message.text}</p> : null}
        {isAdmin ? (
          <div><Button onClick={save} disabled={disabled}>{busy ? <Loader2 className="animate-spin" aria-hidden /> : null} Save</Button></div>
        ) : (
          <p className="text-sm text-muted-foreground">Only admins change these settings.</p>
        )}
      </CardContent>
    </Card>
  );
}

/** Who the retention run erases within the next week, so an admin sees it before it happens. */
export function RetentionPreview({ retentionMonths, until, people }: { retentionMonths: number | null; until: string; people: Candidate[] }) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const day = (iso: string) => new Date(iso).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  return (
    <Card data-testid="retention-preview">
      <CardHeader>
        <CardTitle>Erased next week</CardTitle>
        <CardDescription>
          {retentionMonths === null
            ? "No retention period is set: nobody is erased by the calendar."
            : `Prospects who never replied, clicked, met us or were captured at the booth are erased ${retentionMonths} months after their event ends. Up to ${day(until)} (UTC):`}
        </CardDescription>
      </CardHeader>
      {retentionMonths === null ? null : (
        <CardContent>
          {people.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nobody is due in the next seven days.</p>
          ) : (
            <ul className="divide-y text-sm">
              {people.map((p) => (
                <li key={p.id} className="flex flex-wrap items-baseline justify-between gap-x-4 py-1.5">
                  <span className="font-medium">{p.name}{p.account ? <span className="font-normal text-muted-foreground"> · {p.account}</span> : null}</span>
                  <span className="text-xs text-muted-foreground">{p.event} · erased from {day(p.dueAt)} (UTC)</span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-xs text-muted-foreground">Times in UTC; your browser is in {zone}.</p>
        </CardContent>
      )}
    </Card>
  );
}
