"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Loader2, Plus, RotateCcw, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { apiFetch } from "@/lib/api-client";
import { useConfirm } from "@/components/ui/confirm-dialog";

type PainPoint = { pain: string; solution: string; proof: string };
type Industry = { name: string; keywords: string[]; fit: number; why: string; pains: string[] };
export type Profile = {
  productName: string;
  pitch: string;
  meetingAsk: string;
  valueProps: string[];
  painPoints: PainPoint[];
  industries: Industry[];
  otherIndustryFit: number;
  roiTemplate: string;
  roiDefaults: Record<string, number>;
};
type Template = { id: string; label: string; description: string; inputs: { key: string; label: string; unit: string; default: number }[] };
type FieldIssue = { path: string; message: string };

// Lists edited as text: one entry per line (keywords: separated by commas).
const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);
const UNIT: Record<string, string> = { pct: "%", usd: "$", hours: "h", minutes: "min", days: "days", count: "" };

/** Settings → "Our product": the seller profile. Admins edit it; reps read it. */
export function ProductProfileForm({ isAdmin, initial, isDefault, templates }: { isAdmin: boolean; initial: Profile; isDefault: boolean; templates: Template[] }) {
  const [dialog, ask] = useConfirm();
  const router = useRouter();
  const [p, setP] = useState<Profile>(initial);
  const [valueProps, setValueProps] = useState(initial.valueProps.join("\n"));
  const [busy, setBusy] = useState<null | "save" | "reset">(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const disabled = !isAdmin || busy !== null;
  const template = templates.find((t) => t.id === p.roiTemplate) ?? templates[0];
  const issueFor = (path: string) => issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;

  const set = <K extends keyof Profile>(key: K, value: Profile[K]) => setP((current) => ({ ...current, [key]: value }));
  const setPain = (i: number, patch: Partial<PainPoint>) => set("painPoints", p.painPoints.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const setIndustry = (i: number, patch: Partial<Industry>) => set("industries", p.industries.map((row, j) => (j === i ? { ...row, ...patch } : row)));

  async function save() {
    setBusy("save");
    setMessage(null);
    setIssues([]);
    const res = await apiFetch("/api/settings/product", { method: "PUT", body: { ...p, valueProps: lines(valueProps) } });
    setBusy(null);
    if (!res.success) {
      setIssues(Array.isArray(res.details) ? (res.details as FieldIssue[]) : []);
      return setMessage({ kind: "error", text: res.error });
    }
    setMessage({ kind: "ok", text: "Saved. The next draft, research and rescore use this profile; run “Rescore all” on Accounts to update every score now." });
    router.refresh();
  }

  function reset() {
    ask({ title: "Use the default profile?", description: "Your product profile is replaced by the shipped yard-management one.", confirmLabel: "Use the default profile", destructive: true }, async () => {
      setBusy("reset");
      const res = await apiFetch<{ profile: Profile }>("/api/settings/product", { method: "DELETE" });
      setBusy(null);
      if (!res.success) return res.error;
      setP(res.data.profile);
      setValueProps(res.data.profile.valueProps.join("\n"));
      setMessage({ kind: "ok", text: "Back to the default yard-management profile." });
      router.refresh();
      return null;
    });
  }

  return (
    <div className="grid gap-6" data-testid="product-profile">
      <Card>
        <CardHeader>
          <CardTitle>Our product</CardTitle>
          <CardDescription>
            {isDefault ? "The shipped yard-management profile is in use. " : ""}
            {isAdmin ? "AI prompts, the built-in composer, research pain points, talking points, industry fit and the ROI calculator read these words." : "Only admins can change the product profile."}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="productName" label="Product name" error={issueFor("productName")}>
              <Input id="productName" value={p.productName} onChange={(e) => set("productName", e.target.value)} disabled={disabled} maxLength={80} />
            </FormField>
            <FormField id="meetingAsk" label="What we ask for in outreach" error={issueFor("meetingAsk")}>
              <Input id="meetingAsk" value={p.meetingAsk} onChange={(e) => set("meetingAsk", e.target.value)} disabled={disabled} maxLength={120} placeholder="20 minutes at our booth" />
            </FormField>
          </div>
          <FormField id="pitch" label="One-line pitch" error={issueFor("pitch")}>
            <Textarea id="pitch" value={p.pitch} onChange={(e) => set("pitch", e.target.value)} disabled={disabled} maxLength={300} rows={2} className="min-h-0" />
          </FormField>
          <FormField id="valueProps" label="Value propositions (one per line)" error={issueFor("valueProps")}>
            <Textarea id="valueProps" value={valueProps} onChange={(e) => setValueProps(e.target.value)} disabled={disabled} rows={4} />
          </FormField>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Pain-point library</CardTitle>
          <CardDescription>Each pain, how we solve it, and the proof. Drafts, research and talking points pick from these.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          {p.painPoints.map((row, i) => (
            <div key={i} className="grid gap-2 rounded-md border p-3 md:grid-cols-[1fr_1fr_1fr_auto] [&>*]:min-w-0" data-testid="pain-row">
              <Input aria-label={`Pain ${i + 1}`} placeholder="The pain" value={row.pain} onChange={(e) => setPain(i, { pain: e.target.value })} disabled={disabled} />
              <Input aria-label={`How we solve pain ${i + 1}`} placeholder="How we solve it" value={row.solution} onChange={(e) => setPain(i, { solution: e.target.value })} disabled={disabled} />
              <Input aria-label={`Proof for pain ${i + 1}`} placeholder="Proof point (optional)" value={row.proof} onChange={(e) => setPain(i, { proof: e.target.value })} disabled={disabled} />
              <Button variant="ghost" size="sm" onClick={() => set("painPoints", p.painPoints.filter((_, j) => j !== i))} disabled={disabled || p.painPoints.length === 1} aria-label={`Remove pain ${i + 1}`}>
                <Trash2 aria-hidden />
              </Button>
              {issueFor(`painPoints.${i}`) ? <p className="text-sm text-destructive md:col-span-4">{issueFor(`painPoints.${i}`)}</p> : null}
            </div>
          ))}
          {issueFor("painPoints") && !p.painPoints.length ? <p className="text-sm text-destructive">{issueFor("painPoints")}</p> : null}
          {isAdmin ? (
            <div><Button variant="outline" size="sm" onClick={() => set("painPoints", [...p.painPoints, { pain: "", solution: "", proof: "" }])} disabled={disabled || p.painPoints.length >= 20}><Plus aria-hidden /> Add a pain point</Button></div>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Target industries</CardTitle>
          <CardDescription>An account&apos;s industry matches by keyword; its fit (0–100) is the industry factor of the ICP score. Pains listed here come first in research for that industry.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          {p.industries.map((row, i) => (
            <div key={i} className="grid gap-2 rounded-md border p-3 md:grid-cols-[1.2fr_1.5fr_5rem_auto] [&>*]:min-w-0" data-testid="industry-row">
              <Input aria-label={`Industry ${i + 1} name`} placeholder="Industry" value={row.name} onChange={(e) => setIndustry(i, { name: e.target.value })} disabled={disabled} />
              <Input aria-label={`Industry ${i + 1} keywords`} placeholder="Keywords, comma-separated" value={row.keywords.join(", ")} onChange={(e) => setIndustry(i, { keywords: e.target.value.split(",").map((k) => k.trim()).filter(Boolean) })} disabled={disabled} />
              <Input aria-label={`Industry ${i + 1} fit`} type="number" min={0} max={100} value={row.fit} onChange={(e) => setIndustry(i, { fit: Number(e.target.value) })} disabled={disabled} />
              <Button variant="ghost" size="sm" onClick={() => set("industries", p.industries.filter((_, j) => j !== i))} disabled={disabled} aria-label={`Remove industry ${i + 1}`}>
                <Trash2 aria-hidden />
              </Button>
              <Input aria-label={`Why industry ${i + 1} fits`} placeholder="Why it fits (shown in the ICP breakdown)" value={row.why} onChange={(e) => setIndustry(i, { why: e.target.value })} disabled={disabled} className="md:col-span-4" />
              <Textarea aria-label={`Pains of industry ${i + 1}`} placeholder="Pains typical of this industry, one per line" value={row.pains.join("\n")} onChange={(e) => setIndustry(i, { pains: lines(e.target.value) })} disabled={disabled} rows={2} className="min-h-0 md:col-span-4" />
              {issueFor(`industries.${i}`) ? <p className="text-sm text-destructive md:col-span-4">{issueFor(`industries.${i}`)}</p> : null}
            </div>
          ))}
          <div className="flex flex-wrap items-end gap-3">
            {isAdmin ? <Button variant="outline" size="sm" onClick={() => set("industries", [...p.industries, { name: "", keywords: [], fit: 50, why: "", pains: [] }])} disabled={disabled || p.industries.length >= 20}><Plus aria-hidden /> Add an industry</Button> : null}
            <FormField id="otherIndustryFit" label="Fit of any other industry (0–100)" error={issueFor("otherIndustryFit")}>
              <Input id="otherIndustryFit" type="number" min={0} max={100} value={p.otherIndustryFit} onChange={(e) => set("otherIndustryFit", Number(e.target.value))} disabled={disabled} className="w-28" />
            </FormField>
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>ROI model</CardTitle>
          <CardDescription>The business case the account page&apos;s ROI calculator builds: pick the model closest to how your product pays back, then your usual numbers.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <FormField id="roiTemplate" label="Model">
            <NativeSelect id="roiTemplate" value={p.roiTemplate} onChange={(e) => setP((c) => ({ ...c, roiTemplate: e.target.value, roiDefaults: {} }))} disabled={disabled}>
              {templates.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
            </NativeSelect>
          </FormField>
          <p className="text-sm text-muted-foreground">{template.description} Leave a number empty to use the model&apos;s default (shown greyed).</p>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {template.inputs.map((input) => (
              <FormField key={input.key} id={`roi-${input.key}`} label={`${input.label}${UNIT[input.unit] ? ` (${UNIT[input.unit]})` : ""}`} error={issueFor(`roiDefaults.${input.key}`)}>
                <Input
                  id={`roi-${input.key}`}
                  type="number"
                  min={0}
                  placeholder={String(input.default)}
                  value={p.roiDefaults[input.key] ?? ""}
                  onChange={(e) => {
                    const next = { ...p.roiDefaults };
                    if (e.target.value === "") delete next[input.key];
                    else next[input.key] = Number(e.target.value);
                    set("roiDefaults", next);
                  }}
                  disabled={disabled}
                />
              </FormField>
            ))}
          </div>
        </CardContent>
      </Card>

      {isAdmin ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={save} disabled={disabled} data-testid="product-save">{busy === "save" ? <Loader2 className="animate-spin" aria-hidden /> : null} Save product profile</Button>
          <Button variant="outline" onClick={reset} disabled={disabled || isDefault}><RotateCcw aria-hidden /> Use the default profile</Button>
          {message ? <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-sm text-destructive" : "text-sm text-success"} data-testid="product-message">{message.text}</p> : null}
        </div>
      ) : null}
      {dialog}
    </div>
  );
}
