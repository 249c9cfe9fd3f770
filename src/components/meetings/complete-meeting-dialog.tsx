"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch } from "@/lib/api-client";
import { isBeforeMeetingDay } from "./format";
import type { MeetingItem } from "./format";
import { FormMessage } from "@/components/ui/form-message";

const NEXT_STATUSES = [
  { value: "", label: "Keep as is" },
  { value: "ENGAGED", label: "Engaged" },
  { value: "WON", label: "Won" },
  { value: "LOST", label: "Lost" },
] as const;

export type MeetingOutcomeBody = { outcome: string | null; nextStep: string | null; accountStatus?: string; reason?: string | null };

/**
 * Complete (outcome, next step, account's next status) or mark a no-show, with a note. By default
 * it calls the API; the booth passes `submit` to queue the action on the phone instead (it
 * answers with an error sentence, or null when saved).
 */
export function CompleteMeetingDialog({ meeting, mode, open, onOpenChange, onDone, submit }: {
  meeting: Pick<MeetingItem, "id" | "outcome" | "nextStep" | "person" | "account">;
  mode: "complete" | "no-show";
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone?: () => void;
  submit?: (mode: "complete" | "no-show", body: MeetingOutcomeBody) => Promise<string | null>;
}) {
  const router = useRouter();
  // Parents mount this dialog when they open it, so initial state is the meeting's.
  const [outcome, setOutcome] = useState(meeting.outcome ?? "");
  const [nextStep, setNextStep] = useState(meeting.nextStep ?? "");
  const [accountStatus, setAccountStatus] = useState("");
  const [reason, setReason] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [early, setEarly] = useState<string | null>(null);

  async function onSubmit(e: FormEvent, confirmedEarly = false) {
    e.preventDefault();
    setSaving(true);
    setError(null);
    setEarly(null);
    const body: MeetingOutcomeBody = { outcome: outcome || null, nextStep: nextStep || null, ...(accountStatus ? { accountStatus, reason: reason || null } : {}) };
    if (submit) {
      const problem = await submit(mode, body);
      setSaving(false);
      if (problem) return setError(problem);
      onOpenChange(false);
      onDone?.();
      return;
    }
    const q = confirmedEarly ? "?early=true" : "";
    const res =
      mode === "complete"
        ? await apiFetch(`/api/meetings/${meeting.id}/complete${q}`, { method: "POST", body })
        : await apiFetch(`/api/meetings/${meeting.id}/no-show${q}`, { method: "POST", body: { note: outcome || null } });
    setSaving(false);
    if (!res.success) return isBeforeMeetingDay(res) ? setEarly(res.error) : setError(res.error);
    onOpenChange(false);
    onDone?.();
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{mode === "complete" ? `How did it go with ${meeting.person.name}?` : `${meeting.person.name} didn't show`}</DialogTitle>
          <DialogDescription>{meeting.account?.name ?? "No account"}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="meeting-outcome">{mode === "complete" ? "Outcome" : "Note"}</Label>
            <textarea
              id="meeting-outcome"
              rows={3}
              autoFocus
              value={outcome}
              onChange={(e) => setOutcome(e.target.value)}
              className="rounded-md border border-input bg-card px-3 py-2 text-base shadow-sm sm:text-sm"
              placeholder={mode === "complete" ? "What you learned, what they need" : "e.g. Texted, no answer — try day 2"}
            />
          </div>
          {mode === "complete" ? (
            <>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="meeting-next-step">Next step</Label>
                <Input id="meeting-next-step" value={nextStep} onChange={(e) => setNextStep(e.target.value)} className="h-11 text-base sm:h-9 sm:text-sm" placeholder="e.g. Send ROI model by Friday" />
              </div>
              {meeting.account ? (
                <fieldset className="flex flex-col gap-1.5">
                  <legend className="mb-1.5 text-sm font-medium">{meeting.account.name} is now</legend>
                  <div className="grid grid-cols-4 gap-2">
                    {NEXT_STATUSES.map((s) => (
                      <label key={s.value} className={`flex h-11 cursor-pointer items-center justify-center rounded-md border text-sm ${accountStatus === s.value ? "border-primary bg-accent font-medium text-accent-foreground" : "bg-card"}`}>
                        <input type="radio" name="accountStatus" value={s.value} checked={accountStatus === s.value} onChange={() => setAccountStatus(s.value)} className="sr-only" />
                        {s.label}
                      </label>
                    ))}
                  </div>
                </fieldset>
              ) : null}
              {accountStatus ? (
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor="meeting-reason">Reason{accountStatus === "LOST" ? "" : " (optional)"}</Label>
                  <Input id="meeting-reason" value={reason} onChange={(e) => setReason(e.target.value)} required={accountStatus === "LOST"} className="h-11 text-base sm:h-9 sm:text-sm" placeholder={accountStatus === "LOST" ? "e.g. Chose a competitor" : "e.g. Verbal yes from VP Ops"} />
                </div>
              ) : null}
            </>
          ) : null}
          <FormMessage message={error ? { kind: "error", text: error } : null} />
          {early ? (
            <div role="alert" className="grid gap-2 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm" data-testid="early-warning">
              <p>{early}</p>
              <Button type="button" variant="outline" size="sm" className="justify-self-start" onClick={(e) => onSubmit(e, true)} disabled={saving}>It already happened: record it</Button>
            </div>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>Back</Button>
            <Button type="submit" size="lg" disabled={saving} variant={mode === "no-show" ? "destructive" : "default"}>
              {saving ? <Loader2 className="animate-spin" aria-hidden /> : null} {mode === "complete" ? "Save outcome" : "Mark no-show"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
