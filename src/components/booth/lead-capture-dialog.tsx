"use client";
import { useCallback, useRef, useState, type FormEvent } from "react";
import { Camera, Flame, Loader2, QrCode, Snowflake, Sun, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch } from "@/lib/api-client";
import { enterMovesOn } from "@/lib/enter-moves-on";
// Client-side checks speak the same sentences as the API (the one zod error map).
import "@/lib/validation";
import { parseBadgePayload, type BadgeFields, type BadgeFormat } from "@/lib/booth/badge-payload";
import { captureLeadBody, type CaptureLeadInput } from "@/lib/booth/schemas";
import { cn } from "@/lib/utils";
import { BadgeScanner } from "./badge-scanner";

type Rating = "hot" | "warm" | "cold";
type Field = "name" | "company" | "email" | "title" | "phone" | "linkedin" | "note" | "tags";

const RATINGS: { value: Rating; label: string; icon: typeof Flame; on: string }[] = [
  { value: "hot", label: "Hot", icon: Flame, on: "border-destructive bg-destructive/10 text-destructive" },
  { value: "warm", label: "Warm", icon: Sun, on: "border-warning bg-warning/15 text-warning" },
  { value: "cold", label: "Cold", icon: Snowflake, on: "border-primary bg-accent text-accent-foreground" },
];

const EMPTY: Record<Field, string> = { name: "", company: "", email: "", title: "", phone: "", linkedin: "", note: "", tags: "" };
const field = "h-12 text-base";
const CARD_MAX_SIDE = 1280;

/** A photo, downscaled on the phone so the queue and the upload stay small (about 150 kB). */
async function downscale(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, CARD_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.toDataURL("image/jpeg", 0.8);
}

/**
 * Walk-up capture: big targets, the right keyboards, under ten seconds. A badge scan or a card
 * photo fills the fields; the rep checks them, picks hot/warm/cold and saves — to the phone first
 * (see the booth's queue), so saving works with or without a connection.
 */
export function LeadCaptureDialog({ open, onOpenChange, onSave, cardReading, online }: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Stores the capture; answers with a problem sentence, or null when saved. */
  onSave: (lead: CaptureLeadInput) => Promise<string | null>;
  /** Whether an AI endpoint reads business cards (otherwise the button says it isn't available). */
  cardReading: boolean;
  online: boolean;
}) {
  const [values, setValues] = useState<Record<Field, string>>(EMPTY);
  const [rating, setRating] = useState<Rating>("warm");
  const [scan, setScan] = useState<{ source: "badge" | "card"; format?: BadgeFormat } | null>(null);
  const [cardImage, setCardImage] = useState<string | null>(null);
  const [suggestion, setSuggestion] = useState<BadgeFields | null>(null);
  const [cardStatus, setCardStatus] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field | "form", string>>>({});
  const [saving, setSaving] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const set = (key: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function reset() {
    setValues(EMPTY);
    setRating("warm");
    setScan(null);
    setCardImage(null);
    setSuggestion(null);
    setCardStatus(null);
    setErrors({});
  }

  const fill = useCallback((fields: BadgeFields) => {
    setValues((v) => ({
      ...v,
      name: fields.name ?? v.name,
      company: fields.company ?? v.company,
      email: fields.email ?? v.email,
      title: fields.title ?? v.title,
      phone: fields.phone ?? v.phone,
      linkedin: fields.linkedin ?? v.linkedin,
      note: fields.note ? [v.note, fields.note].filter(Boolean).join("\n") : v.note,
    }));
  }, []);

  const onScan = useCallback(
    (text: string) => {
      setScanning(false);
      const parsed = parseBadgePayload(text);
      fill(parsed.fields);
      setScan({ source: "badge", format: parsed.format });
      setCardStatus(Object.keys(parsed.fields).length ? `Filled from the badge (${parsed.format === "vcard" ? "vCard" : parsed.format === "mecard" ? "MECARD" : parsed.format === "url" ? "link" : "text"}) — check it before saving.` : "The badge code had nothing we could use — type the details.");
    },
    [fill],
  );

  async function onCardPhoto(file: File | undefined) {
    if (!file) return;
    setSuggestion(null);
    setReading(true);
    try {
      const image = await downscale(file);
      setCardImage(image);
      setScan((s) => s ?? { source: "card" });
      if (!online) {
        setCardStatus("Offline: the photo is kept with the lead. Type the details from the card.");
        return;
      }
      setCardStatus("Reading the card…");
      const res = await apiFetch<BadgeFields>("/api/booth/card-read", { method: "POST", body: { image } });
      if (!res.success) return setCardStatus(`${res.error} The photo is kept with the lead; type the details.`);
      setSuggestion(res.data);
      setCardStatus(null);
    } catch {
      setCardStatus("That photo could not be read. Try again, or type the details.");
    } finally {
      setReading(false);
      if (fileRef.current) fileRef.current.value = "";
    }
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const lead: CaptureLeadInput = {
      name: values.name,
      company: values.company,
      email: values.email,
      title: values.title,
      phone: values.phone,
      linkedin: values.linkedin,
      note: values.note,
      rating,
      tags: values.tags.split(",").map((t) => t.trim()).filter(Boolean),
      source: scan?.source ?? "form",
      ...(scan?.format ? { scanFormat: scan.format } : {}),
      ...(cardImage ? { cardImage } : {}),
      capturedAt: new Date().toISOString(),
    };
    const parsed = captureLeadBody.safeParse(lead);
    if (!parsed.success) {
      const found: Partial<Record<Field | "form", string>> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "form");
        const target = (key in EMPTY ? key : "form") as Field | "form";
        found[target] ??= issue.message;
      }
      return setErrors(found);
    }
    setErrors({});
    setSaving(true);
    const problem = await onSave(lead);
    setSaving(false);
    if (problem) return setErrors({ form: problem });
    reset();
    onOpenChange(false);
  }

  const fieldError = (key: Field) =>
    errors[key] ? (
      <p id={`lead-${key}-error`} className="text-sm text-destructive">
        {errors[key]}
      </p>
    ) : null;
  const described = (key: Field) => (errors[key] ? { "aria-invalid": true, "aria-describedby": `lead-${key}-error` } : {});

  return (
    <>
      <Dialog open={open && !scanning} onOpenChange={(o) => { if (!o) setErrors({}); onOpenChange(o); }}>
        <DialogContent
          className="max-h-[100dvh] overflow-y-auto"
          // The name field, not the scan buttons above it, gets the keyboard: typing is the usual path.
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            nameRef.current?.focus();
          }}
        >
          <DialogHeader>
            <DialogTitle>Capture a walk-up</DialogTitle>
            <DialogDescription>Saved on this phone first, matched to the person or account if we already have them.</DialogDescription>
          </DialogHeader>
          <div className="grid grid-cols-2 gap-2">
            <Button type="button" variant="outline" className="h-12" onClick={() => setScanning(true)} data-testid="scan-badge">
              <QrCode aria-hidden /> Scan badge
            </Button>
            <Button
              type="button"
              variant="outline"
              className="h-12"
              disabled={!cardReading || reading}
              onClick={() => fileRef.current?.click()}
              data-testid="read-card"
            >
              {reading ? <Loader2 className="animate-spin" aria-hidden /> : <Camera aria-hidden />} {cardReading ? "Read a card" : "Card reading off"}
            </Button>
            <input ref={fileRef} type="file" accept="image/*" capture="environment" className="sr-only" tabIndex={-1} aria-hidden onChange={(e) => onCardPhoto(e.target.files?.[0])} />
          </div>
          {!cardReading ? (
            <p className="text-xs text-muted-foreground">Reading business cards needs an AI endpoint, and none is connected — an admin can set one up.</p>
          ) : null}
          {cardStatus ? <p role="status" className="rounded-md bg-muted px-3 py-2 text-sm" data-testid="scan-status">{cardStatus}</p> : null}
          {suggestion ? (
            <div className="rounded-md border border-primary/40 bg-accent/40 p-3 text-sm" data-testid="card-suggestion">
              <p className="font-medium">Read from the card — use it?</p>
              <p className="mt-1 text-muted-foreground">{[suggestion.name, suggestion.title, suggestion.company, suggestion.email, suggestion.phone].filter(Boolean).join(" · ") || "Nothing readable"}</p>
              <div className="mt-2 flex gap-2">
                <Button type="button" size="sm" onClick={() => { fill(suggestion); setSuggestion(null); }}>Use these details</Button>
                <Button type="button" size="sm" variant="ghost" onClick={() => setSuggestion(null)}>Dismiss</Button>
              </div>
            </div>
          ) : null}
          {cardImage ? (
            <div className="flex items-center gap-3 text-sm">
              {/* eslint-disable-next-line @next/next/no-img-element -- a local data URL, nothing to optimise */}
              <img src={cardImage} alt="Business card photo" className="h-14 w-24 rounded border object-cover" />
              <span className="flex-1 text-muted-foreground">The card photo is kept with the lead.</span>
              <Button type="button" variant="ghost" size="icon" aria-label="Remove the card photo" onClick={() => setCardImage(null)}><X aria-hidden /></Button>
            </div>
          ) : null}
          {/* Enter (the phone's "Next") moves to the next field; only the note's Enter saves. */}
          <form onSubmit={onSubmit} onKeyDown={enterMovesOn} className="flex flex-col gap-3" noValidate data-testid="lead-form">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="lead-name">Name</Label>
              <Input id="lead-name" ref={nameRef} value={values.name} onChange={set("name")} autoComplete="off" autoCapitalize="words" enterKeyHint="next" className={field} {...described("name")} />
              {fieldError("name")}
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="lead-company">Company</Label>
              <Input id="lead-company" value={values.company} onChange={set("company")} autoComplete="off" autoCapitalize="words" enterKeyHint="next" className={field} {...described("company")} />
              {fieldError("company")}
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="lead-email">Email</Label>
              <Input id="lead-email" value={values.email} onChange={set("email")} type="email" inputMode="email" autoComplete="off" autoCapitalize="none" spellCheck={false} enterKeyHint="next" className={field} {...described("email")} />
              {fieldError("email")}
            </div>
            {values.title || values.phone || values.linkedin ? (
              <div className="grid grid-cols-2 gap-2">
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor="lead-title">Title</Label>
                  <Input id="lead-title" value={values.title} onChange={set("title")} autoComplete="off" className={field} />
                </div>
                <div className="flex flex-col gap-1.5">
                  <Label htmlFor="lead-phone">Phone</Label>
                  <Input id="lead-phone" value={values.phone} onChange={set("phone")} type="tel" inputMode="tel" autoComplete="off" className={field} />
                </div>
              </div>
            ) : null}
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="lead-note">Note</Label>
              <textarea id="lead-note" value={values.note} onChange={set("note")} rows={2} enterKeyHint="done" className="rounded-md border border-input bg-card px-3 py-2 text-base shadow-sm" placeholder="What they need, who to follow up with" {...described("note")} />
              {fieldError("note")}
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="lead-tags">Interests</Label>
              <Input id="lead-tags" value={values.tags} onChange={set("tags")} autoComplete="off" autoCapitalize="none" placeholder="e.g. yard visibility, pilot" className={field} {...described("tags")} />
              {fieldError("tags") ?? <p className="text-xs text-muted-foreground">Separate tags with commas.</p>}
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
            {errors.form ? <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">{errors.form}</p> : null}
            <DialogFooter>
              <Button type="submit" size="lg" className="h-12 w-full text-base" disabled={saving}>
                {saving ? <Loader2 className="animate-spin" aria-hidden /> : null} Save lead
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      <BadgeScanner open={open && scanning} onOpenChange={setScanning} onScan={onScan} />
    </>
  );
}
