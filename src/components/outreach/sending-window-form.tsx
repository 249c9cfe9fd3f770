"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Clock, Loader2 } from "lucide-react";
import { apiFetch } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

type Window = { days: number[]; startHour: number; endHour: number };
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** Shows the team's sending window; admins can change it. */
export function SendingWindowForm({ value, description, isAdmin }: { value: Window; description: string; isAdmin: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(value);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setBusy(true);
    setError(null);
    const res = await apiFetch("/api/outreach/settings", { method: "PUT", body: form });
    setBusy(false);
    if (!res.success) return setError(res.error);
    setOpen(false);
    router.refresh();
  }

  const toggle = (day: number) => setForm((f) => ({ ...f, days: f.days.includes(day) ? f.days.filter((d) => d !== day) : [...f.days, day].sort() }));

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground" data-testid="sending-window">
      <Clock className="size-4" aria-hidden />
      <span>Emails go out {description}, up to each rep&apos;s daily cap; others wait in the queue.</span>
      {isAdmin ? (
        <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) setForm(value); }}>
          <DialogTrigger asChild><Button variant="link" size="sm" className="h-auto p-0">Change</Button></DialogTrigger>
          <DialogContent className="max-w-md" aria-describedby={undefined}>
            <DialogHeader>
              <DialogTitle>Sending window</DialogTitle>
              <DialogDescription>When email may go out, in each recipient&apos;s time zone (the event&apos;s when unknown).</DialogDescription>
            </DialogHeader>
            <fieldset className="flex flex-wrap gap-1.5">
              <legend className="mb-1.5 text-sm font-medium">Days</legend>
              {DAYS.map((d, i) => (
                <label key={d} className="flex items-center gap-1 rounded-md border px-2 py-1 text-sm">
                  <input type="checkbox" checked={form.days.includes(i)} onChange={() => toggle(i)} /> {d}
                </label>
              ))}
            </fieldset>
            <div className="mt-3 grid grid-cols-2 gap-3">
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="win-start">From</Label>
                <NativeSelect id="win-start" value={form.startHour} onChange={(e) => setForm({ ...form, startHour: Number(e.target.value) })}>
                  {Array.from({ length: 24 }, (_, h) => <option key={h} value={h}>{String(h).padStart(2, "0")}:00</option>)}
                </NativeSelect>
              </div>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="win-end">Until</Label>
                <NativeSelect id="win-end" value={form.endHour} onChange={(e) => setForm({ ...form, endHour: Number(e.target.value) })}>
                  {Array.from({ length: 24 }, (_, i) => i + 1).map((h) => <option key={h} value={h}>{String(h).padStart(2, "0")}:00</option>)}
                </NativeSelect>
              </div>
            </div>
            {error ? <p role="alert" className="mt-2 text-sm text-destructive">{error}</p> : null}
            <DialogFooter>
              <Button variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
              <Button onClick={save} disabled={busy || form.days.length === 0}>{busy ? <Loader2 className="animate-spin" aria-hidden /> : null} Save</Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      ) : null}
    </div>
  );
}
