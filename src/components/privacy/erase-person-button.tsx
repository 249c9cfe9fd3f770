"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Loader2, ShieldX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch } from "@/lib/api-client";

const REASONS = [
  { value: "request", label: "They asked us to delete their data" },
  { value: "unsubscribe_reply", label: "They replied asking to be removed" },
] as const;

/** Admins: erase a person for good (issue 20). Typing ERASE is the confirmation: nothing undoes it. */
export function ErasePersonButton({ id, name, eventId }: { id: string; name: string; eventId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState<(typeof REASONS)[number]["value"]>("request");
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  async function erase() {
    setBusy(true);
    setError(null);
    const res = await apiFetch(`/api/people/${id}/erase`, { method: "POST", body: { reason, confirm: typed.trim(), eventId } });
    setBusy(false);
    if (!res.success) return setError(res.error);
    setOpen(false);
    router.refresh();
  }
  return (
    <Dialog open={open} onOpenChange={(next) => { setOpen(next); setError(null); setTyped(""); }}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" className="text-destructive"><ShieldX aria-hidden /> Erase permanently</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Erase {name} permanently?</DialogTitle>
        <DialogDescription>
          Their contact details, notes, messages, email events, meeting notes and booth captures are wiped everywhere, in every event.
          Counts on the dashboard stay. Only a one-way hash of their address is kept, so no import, booth capture, booking or reply brings them back.
          This cannot be undone.
        </DialogDescription>
        <fieldset className="grid gap-2 text-sm">
          <legend className="mb-1 font-medium">Why</legend>
          {REASONS.map((r) => (
            <label key={r.value} className="flex items-center gap-2">
              <input type="radio" name="erase-reason" value={r.value} checked={reason === r.value} onChange={() => setReason(r.value)} />
              {r.label}
            </label>
          ))}
        </fieldset>
        <div className="grid gap-1.5">
          <Label htmlFor="erase-confirm">Type ERASE to confirm</Label>
          <Input id="erase-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" aria-describedby={error ? "erase-error" : undefined} />
        </div>
        {error ? <p id="erase-error" role="alert" className="text-sm text-destructive">{error}</p> : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="destructive" onClick={erase} disabled={busy || typed.trim() !== "ERASE"}>
            {busy ? <Loader2 className="animate-spin" aria-hidden /> : <ShieldX aria-hidden />} Erase
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
