"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Loader2, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { FormField } from "@/components/ui/form-field";
import { apiFetch } from "@/lib/api-client";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { formatCount } from "@/lib/numbers";

type Cost = { id: string; category: string; label: string; amount: number; description: string | null };
type FieldIssue = { path: string; message: string };

/** The show's cost lines; admins add and remove them, reps read them. */
export function EventCostsEditor({ eventId, eventName, costs, categories, isAdmin }: { eventId: string; eventName: string; costs: Cost[]; categories: { value: string; label: string }[]; isAdmin: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, ask] = useConfirm();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const total = costs.reduce((s, c) => s + c.amount, 0);
  const issue = (path: string) => issues.find((i) => i.path === path)?.message;

  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const raw = String(data.get("amount") ?? "").replace(/[,$\s]/g, "");
    setBusy("add");
    setError(null);
    setIssues([]);
    const res = await apiFetch("/api/event-costs", { method: "POST", body: { eventId, category: data.get("category"), amount: raw === "" ? Number.NaN : Number(raw), description: String(data.get("description") ?? "") } });
    setBusy(null);
    if (!res.success) {
      setIssues(Array.isArray(res.details) ? (res.details as FieldIssue[]) : []);
      return setError(Array.isArray(res.details) ? null : res.error);
    }
    form.reset();
    router.refresh();
  }

  function remove(cost: Cost) {
    ask({ title: `Remove the ${cost.label.toLowerCase()} cost of $${formatCount(cost.amount)}?`, description: "It stays on record but no longer counts in the show's totals.", confirmLabel: "Remove cost", destructive: true }, async () => {
      setBusy(cost.id);
      const res = await apiFetch(`/api/event-costs/${cost.id}`, { method: "DELETE" });
      setBusy(null);
      if (!res.success) return res.error;
      router.refresh();
      return null;
    });
  }

  return (
    <Card data-testid="event-costs">
      <CardHeader>
        <CardTitle>What {eventName} cost</CardTitle>
        <CardDescription>{isAdmin ? "Enter every cost line in whole dollars; the report divides the total." : "Admins enter the costs."} Total: ${formatCount(total)}.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {costs.length === 0 ? <p className="text-sm text-muted-foreground">No costs entered yet, so cost per lead and the ROI multiple cannot be worked out.</p> : (
          <ul className="divide-y rounded-md border">
            {costs.map((c) => (
              <li key={c.id} className="flex items-center gap-3 px-3 py-2 text-sm">
                <span className="min-w-0 flex-1"><span className="font-medium">{c.label}</span>{c.description ? <span className="text-muted-foreground"> · {c.description}</span> : null}</span>
                <span className="tabular-nums">${formatCount(c.amount)}</span>
                {isAdmin ? (
                  <Button variant="ghost" size="sm" onClick={() => remove(c)} disabled={busy !== null} aria-label={`Remove ${c.label} cost`}>
                    {busy === c.id ? <Loader2 className="animate-spin" aria-hidden /> : <Trash2 aria-hidden />}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {isAdmin ? (
          <form onSubmit={add} className="grid gap-3 sm:grid-cols-[12rem_9rem_1fr_auto] sm:items-end [&>*]:min-w-0" data-testid="event-cost-form" noValidate>
            <FormField id="cost-category" label="Category" error={issue("category")}>
              <NativeSelect id="cost-category" name="category" defaultValue="BOOTH_SPACE">
                {categories.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
              </NativeSelect>
            </FormField>
            <FormField id="cost-amount" label="Amount (USD)" error={issue("amount")}>
              <Input id="cost-amount" name="amount" inputMode="numeric" placeholder="25000" />
            </FormField>
            <FormField id="cost-description" label="Note (optional)" error={issue("description")}>
              <Input id="cost-description" name="description" maxLength={200} placeholder="10×20 island booth" />
            </FormField>
            <Button type="submit" disabled={busy !== null}>{busy === "add" ? <Loader2 className="animate-spin" aria-hidden /> : <Plus aria-hidden />} Add cost</Button>
          </form>
        ) : null}
        {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
      </CardContent>
      {dialog}
    </Card>
  );
}
