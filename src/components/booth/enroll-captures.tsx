"use client";
import { useState } from "react";
import { Loader2, Workflow } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { formatDay } from "@/components/meetings/format";
import { apiFetch } from "@/lib/api-client";

type EnrollResult = { enrolled: { personId: string; name: string }[]; skipped: { name: string; reason: string }[] };

const REASON: Record<string, string> = {
  suppressed: "unsubscribed or bounced",
  already_in_sequence: "already in a sequence",
  no_email: "no email address",
  not_found: "not found",
};

/** One tap after the show: a day's captures (optionally only the hot ones) into a follow-up sequence. */
export function EnrollCaptures({ days, defaultDay, sequences, rating }: { days: string[]; defaultDay: string; sequences: { id: string; name: string }[]; rating?: string }) {
  const [sequenceId, setSequenceId] = useState(sequences[0]?.id ?? "");
  const [day, setDay] = useState(defaultDay);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  if (sequences.length === 0) {
    return <p className="rounded-md border border-dashed px-4 py-3 text-sm text-muted-foreground">Activate a sequence to enroll the show&apos;s captures in it.</p>;
  }
  async function enroll() {
    setBusy(true);
    setMessage(null);
    const res = await apiFetch<EnrollResult>("/api/booth/captures/enroll", { method: "POST", body: { sequenceId, day, ...(rating ? { rating } : {}) } });
    setBusy(false);
    if (!res.success) return setMessage({ tone: "error", text: res.error });
    const skipped = res.data.skipped.map((s) => `${s.name} (${REASON[s.reason] ?? s.reason})`).join(", ");
    setMessage({ tone: "ok", text: `Enrolled ${res.data.enrolled.length} ${res.data.enrolled.length === 1 ? "person" : "people"}.${skipped ? ` Skipped: ${skipped}.` : ""}` });
  }
  return (
    <section aria-labelledby="enroll-heading" className="flex flex-col gap-3 rounded-lg border bg-card p-4">
      <h2 id="enroll-heading" className="flex items-center gap-2 font-semibold"><Workflow className="size-4" aria-hidden /> Follow up: enroll a day&apos;s captures</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="enroll-day">Show day</Label>
          <NativeSelect id="enroll-day" value={day} onChange={(e) => setDay(e.target.value)} className="h-11">
            {days.map((d) => <option key={d} value={d}>{formatDay(d)}</option>)}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="enroll-sequence">Sequence</Label>
          <NativeSelect id="enroll-sequence" value={sequenceId} onChange={(e) => setSequenceId(e.target.value)} className="h-11">
            {sequences.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </NativeSelect>
        </div>
      </div>
      <Button className="h-11" onClick={enroll} disabled={busy} data-testid="enroll-captures">
        {busy ? <Loader2 className="animate-spin" aria-hidden /> : null} Enroll {rating ? `the ${rating} leads` : "everyone"} captured that day
      </Button>
      {message ? <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-sm text-destructive" : "text-sm text-success"}>{message.text}</p> : null}
    </section>
  );
}
