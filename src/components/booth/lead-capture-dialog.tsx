"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Flame, Loader2, Snowflake, Sun } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch } from "@/lib/api-client";
import { enterMovesOn } from "@/lib/enter-moves-on";
import { placeApiError } from "@/lib/form-errors";
import { cn } from "@/lib/utils";

type Rating = "hot" | "warm" | "cold";
type CaptureResult = {
  personName: string;
  accountName: string | null;
  matched: { person: "email" | null; account: "email" | "domain" | "name" | null };
  created: { person: boolean; account: boolean };
};

const RATINGS: { value: Rating; label: string; icon: typeof Flame; on: string }[] = [
  { value: "hot", label: "Hot", icon: Flame, on: "border-destructive bg-destructive/10 text-destructive" },
  { value: "warm", label: "Warm", icon: Sun, on: "border-warning bg-warning/15 text-warning" },
  { value: "cold", label: "Cold", icon: Snowflake, on: "border-primary bg-accent text-accent-foreground" },
];

const field = "h-12 text-base";

export function describeCapture(r: CaptureResult): string {
  const who = r.created.person ? `Added ${r.personName}` : `Updated ${r.personName} (already in the list)`;
  if (!r.accountName) return `${who}.`;
  if (r.created.account) return `${who} at ${r.accountName} — a new account.`;
  const how = r.matched.account === "domain" ? "same email domain" : r.matched.account === "name" ? "same company name" : "existing contact";
  return `${who} at ${r.accountName} (matched: ${how}).`;
}

/** Walk-up capture: five fields, big targets, the right keyboards, under ten seconds. */
export function LeadCaptureDialog({ open, onOpenChange, onSaved }: { open: boolean; onOpenChange: (o: boolean) => void; onSaved: (message: string) => void }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [rating, setRating] = useState<Rating>("warm");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const get = (k: string) => String(data.get(k) ?? "").trim();
    setSaving(true);
    setError(null);
    setFieldErrors({});
    const res = await apiFetch<CaptureResult>("/api/booth/leads", {
      method: "POST",
      body: { name: get("name"), company: get("company"), email: get("email"), note: get("note"), rating },
    });
    setSaving(false);
    if (!res.success) {
      const placed = placeApiError(res, ["name", "company", "email", "note"]);
      setFieldErrors(placed.fieldErrors);
      return setError(placed.formError);
    }
    formRef.current?.reset();
    setRating("warm");
    onSaved(describeCapture(res.data));
    onOpenChange(false);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={(o) => { if (!o) { setError(null); setFieldErrors({}); } onOpenChange(o); }}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Capture a walk-up</DialogTitle>
          <DialogDescription>Matched to the person or account if we already have them.</DialogDescription>
        </DialogHeader>
        {/* Enter (the phone's "Next") moves to the next field; only the note's Enter saves. */}
        <form ref={formRef} onSubmit={onSubmit} onKeyDown={enterMovesOn} noValidate className="flex flex-col gap-3" data-testid="lead-form">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="lead-name">Name</Label>
            <Input id="lead-name" name="name" required minLength={2} autoFocus autoComplete="off" autoCapitalize="words" enterKeyHint="next" className={field} aria-invalid={fieldErrors.name ? true : undefined} />
            {fieldErrors.name ? <p className="text-sm text-destructive">{fieldErrors.name}</p> : null}
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="lead-company">Company</Label>
            <Input id="lead-company" name="company" autoComplete="off" autoCapitalize="words" enterKeyHint="next" className={field} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="lead-email">Email</Label>
            <Input id="lead-email" name="email" type="email" inputMode="email" autoComplete="off" autoCapitalize="none" spellCheck={false} enterKeyHint="next" className={field} aria-invalid={fieldErrors.email ? true : undefined} />
            {fieldErrors.email ? <p className="text-sm text-destructive">{fieldErrors.email}</p> : null}
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="lead-note">Note</Label>
            <textarea id="lead-note" name="note" rows={2} enterKeyHint="done" className="rounded-md border border-input bg-card px-3 py-2 text-base shadow-sm" placeholder="What they need, who to follow up with (Enter saves, Shift+Enter for a new line)" />
          </div>
          <fieldset>
            <legend className="mb-1.5 text-sm font-medium">Rating</legend>
            <div className="grid grid-cols-3 gap-2">
              {RATINGS.map(({ value, label, icon: Icon, on }) => (
                <button
                  key={value}
                  type="button"
                  aria-pressed={rating === value}
                  onClick={() => setRating(value)}
                  className={cn("flex h-12 items-center justify-center gap-1.5 rounded-md border text-base font-medium", rating === value ? on : "bg-card")}
                >
                  <Icon className="size-4" aria-hidden /> {label}
                </button>
              ))}
            </div>
          </fieldset>
          {error ? <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">{error}</p> : null}
          <DialogFooter>
            <Button type="submit" size="lg" className="h-12 w-full text-base" disabled={saving}>
              {saving ? <Loader2 className="animate-spin" aria-hidden /> : null} Save lead
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
