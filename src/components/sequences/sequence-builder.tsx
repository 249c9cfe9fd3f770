"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { ArrowDown, CalendarPlus, Plus, Trash2 } from "lucide-react";
import { apiFetch } from "@/lib/api-client";
import { placeApiError } from "@/lib/form-errors";
import { unknownFields } from "@/lib/merge-fields";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { useLeaveGuard } from "@/components/ui/leave-guard";
import { MergeFieldPicker, MergeWarnings, useFieldInsertion } from "@/components/outreach/merge-fields-ui";

/** The merge field that puts the sending rep's next free booth slots in the email as booking links. */
const BOOTH_SLOTS_FIELD = "{{booth.slots}}";

export type StepDraft = { delayDays: number; businessDays: boolean; channel: "EMAIL" | "LINKEDIN" | "CALL"; templateId: string | null; subject: string; body: string };
type Template = { id: string; name: string; channel: string };
type Form = { name: string; description: string; pauseAccountOnReply: boolean; steps: StepDraft[] };

const blankStep = (first: boolean): StepDraft => ({ delayDays: first ? 0 : 3, businessDays: false, channel: "EMAIL", templateId: null, subject: "", body: "" });

/**
 * Builds or edits a sequence. Once people are enrolled, existing steps can be edited but not
 * removed. Each step has the merge-field picker and says at once when a field does not exist;
 * leaving with unsaved changes asks first.
 */
export function SequenceBuilder({ sequenceId, initial, templates, lockedSteps = 0 }: {
  sequenceId?: string;
  initial?: { name: string; description: string; pauseAccountOnReply: boolean; steps: StepDraft[] };
  templates: Template[];
  lockedSteps?: number;
}) {
  const router = useRouter();
  const start: Form = { name: initial?.name ?? "", description: initial?.description ?? "", pauseAccountOnReply: initial?.pauseAccountOnReply ?? true, steps: initial?.steps.length ? initial.steps : [blankStep(true)] };
  const [saved, setSaved] = useState(() => JSON.stringify(start));
  const [form, setForm] = useState<Form>(start);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [stepErrors, setStepErrors] = useState<Record<string, string>>({});
  const dirty = JSON.stringify(form) !== saved;
  const leaveGuard = useLeaveGuard(dirty && !saving, "the changes to this sequence");
  const { name, description, pauseAccountOnReply, steps } = form;

  const update = (i: number, patch: Partial<StepDraft>) => setForm((f) => ({ ...f, steps: f.steps.map((step, j) => (j === i ? { ...step, ...patch } : step)) }));

  async function save() {
    setSaving(true);
    setMessage(null);
    setStepErrors({});
    const payload = {
      name, description: description || null, pauseAccountOnReply,
      steps: steps.map((s) => ({ delayDays: s.delayDays, businessDays: s.businessDays, channel: s.channel, templateId: s.templateId, subject: s.subject || null, body: s.body || null })),
    };
    const res = sequenceId
      ? await apiFetch<{ id: string }>(`/api/sequences/${sequenceId}`, { method: "PATCH", body: payload })
      : await apiFetch<{ id: string }>("/api/sequences", { method: "POST", body: payload });
    setSaving(false);
    if (!res.success) {
      const placed = placeApiError(res, ["name", ...steps.map((_, i) => `steps.${i}`)]);
      setStepErrors(placed.fieldErrors);
      return setMessage(placed.formError ? { kind: "error", text: placed.formError } : null);
    }
    setSaved(JSON.stringify(form));
    setMessage({ kind: "ok", text: "Saved." });
    if (!sequenceId) router.push(`/dashboard/sequences/${res.data.id}`);
    else router.refresh();
  }

  return (
    <Card>
      <CardHeader><CardTitle>{sequenceId ? "Steps" : "New sequence"}</CardTitle></CardHeader>
      <CardContent className="space-y-4">
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1.5">
            <Label htmlFor="seq-name">Name</Label>
            <Input id="seq-name" value={name} onChange={(e) => setForm({ ...form, name: e.target.value })} placeholder="Pre-show outreach" aria-invalid={stepErrors.name ? true : undefined} />
            {stepErrors.name ? <p className="text-xs text-destructive">{stepErrors.name}</p> : null}
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="seq-desc">Description</Label>
            <Input id="seq-desc" value={description} onChange={(e) => setForm({ ...form, description: e.target.value })} placeholder="Optional" />
          </div>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={pauseAccountOnReply} onChange={(e) => setForm({ ...form, pauseAccountOnReply: e.target.checked })} className="size-4" />
          Pause colleagues at the same account when someone replies
        </label>
        <p className="text-xs text-muted-foreground">Each delay counts from the previous step (step 1 from enrollment). Emails go out in the recipient&apos;s sending window, within each rep&apos;s daily cap. Merge fields are filled in for each person when the step is sent.</p>

        <ol className="space-y-3">
          {steps.map((step, i) => (
            <StepEditor
              key={i}
              index={i}
              step={step}
              last={i === steps.length - 1}
              removable={i >= lockedSteps}
              templates={templates}
              error={stepErrors[`steps.${i}`]}
              onChange={(patch) => update(i, patch)}
              onRemove={() => setForm((f) => ({ ...f, steps: f.steps.filter((_, j) => j !== i) }))}
            />
          ))}
        </ol>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="button" variant="outline" onClick={() => setForm((f) => ({ ...f, steps: [...f.steps, blankStep(f.steps.length === 0)] }))} disabled={steps.length >= 20}>
            <Plus /> Add step
          </Button>
          <Button type="button" onClick={save} disabled={saving}>{saving ? "Saving…" : sequenceId ? "Save steps" : "Create sequence"}</Button>
          {dirty && !saving ? <span className="text-sm text-muted-foreground" data-testid="unsaved">Unsaved changes</span> : null}
          {message ? <span role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-sm text-destructive" : "text-sm text-success"}>{message.text}</span> : null}
        </div>
      </CardContent>
      {leaveGuard}
    </Card>
  );
}

function StepEditor({ index: i, step, last, removable, templates, error, onChange, onRemove }: {
  index: number;
  step: StepDraft;
  last: boolean;
  removable: boolean;
  templates: Template[];
  error?: string;
  onChange: (patch: Partial<StepDraft>) => void;
  onRemove: () => void;
}) {
  const { register, insert } = useFieldInsertion<"subject" | "body">("body", (name, next) => onChange({ [name]: next }));
  const unknown = step.templateId ? [] : unknownFields(step.subject, step.body);
  return (
    <li className="rounded-md border p-3" data-testid={`step-${i + 1}`}>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold">Step {i + 1}</span>
        <NativeSelect aria-label={`Step ${i + 1} channel`} className="w-auto" value={step.channel} onChange={(e) => onChange({ channel: e.target.value as StepDraft["channel"], templateId: null })}>
          <option value="EMAIL">Email</option>
          <option value="LINKEDIN">LinkedIn task</option>
          <option value="CALL">Call task</option>
        </NativeSelect>
        <span className="text-sm text-muted-foreground">after</span>
        <Input aria-label={`Step ${i + 1} delay in days`} type="number" min={0} max={365} className="w-20" value={step.delayDays} onChange={(e) => onChange({ delayDays: Math.max(0, Number(e.target.value) || 0) })} />
        <NativeSelect aria-label={`Step ${i + 1} day kind`} className="w-auto" value={step.businessDays ? "business" : "calendar"} onChange={(e) => onChange({ businessDays: e.target.value === "business" })}>
          <option value="calendar">days</option>
          <option value="business">business days</option>
        </NativeSelect>
        {removable ? (
          <Button type="button" variant="ghost" size="icon" className="ml-auto" aria-label={`Remove step ${i + 1}`} onClick={onRemove}>
            <Trash2 />
          </Button>
        ) : null}
      </div>
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <NativeSelect aria-label={`Step ${i + 1} template`} className="min-w-0 flex-1" value={step.templateId ?? ""} onChange={(e) => onChange({ templateId: e.target.value || null })}>
            <option value="">Write it here</option>
            {templates.filter((t) => t.channel === step.channel).map((t) => <option key={t.id} value={t.id}>Template: {t.name}</option>)}
          </NativeSelect>
          {step.templateId ? null : <MergeFieldPicker onInsert={insert} />}
        </div>
        {step.templateId ? null : (
          <>
            {step.channel === "EMAIL" ? <Input aria-label={`Step ${i + 1} subject`} placeholder="Subject — merge fields like {{person.firstName}} work" value={step.subject} onChange={(e) => onChange({ subject: e.target.value })} {...register("subject")} /> : null}
            <Textarea aria-label={`Step ${i + 1} body`} rows={4} placeholder={step.channel === "EMAIL" ? "Hi {{person.firstName}}, …" : "What the rep should do or say"} value={step.body} onChange={(e) => onChange({ body: e.target.value })} {...register("body")} />
            {step.channel === "EMAIL" ? (
              <Button
                type="button"
                variant="outline"
                size="sm"
                disabled={step.body.includes(BOOTH_SLOTS_FIELD)}
                onClick={() => onChange({ body: `${step.body.trimEnd()}${step.body.trim() ? "\n\n" : ""}${BOOTH_SLOTS_FIELD}` })}
                title="Adds the sending rep's next free booth slots, each a one-click booking link"
              >
                <CalendarPlus aria-hidden /> {step.body.includes(BOOTH_SLOTS_FIELD) ? "Offers booth slots" : "Offer booth slots"}
              </Button>
            ) : null}
            <MergeWarnings missing={[]} unknown={unknown} />
          </>
        )}
        {error ? <p className="text-xs text-destructive" role="alert">{error}</p> : null}
      </div>
      {last ? null : <ArrowDown className="mx-auto mt-2 size-4 text-muted-foreground" aria-hidden />}
    </li>
  );
}
