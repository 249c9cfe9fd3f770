"use client";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { Ban, Loader2, Search, Trash2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch } from "@/lib/api-client";
import { FormMessage } from "@/components/ui/form-message";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { browserTimeZone, formatInZone } from "@/lib/time";
import { formatCount } from "@/lib/numbers";

export type SuppressionRow = { id: string; email: string; reason: "UNSUBSCRIBED" | "BOUNCED" | "SPAM_REPORT" | "MANUAL"; note: string | null; createdAt: string };
type Page = { items: SuppressionRow[]; total: number; page: number; hasMore: boolean };

const REASON_LABELS: Record<SuppressionRow["reason"], string> = {
  UNSUBSCRIBED: "Unsubscribed",
  BOUNCED: "Bounced",
  SPAM_REPORT: "Spam report",
  MANUAL: "Added by hand",
};
const PAGE_SIZE = 25;

/**
 * The addresses nobody here may email (sends and sequences check this list before every
 * message). Anyone can look an address up or add one; only admins can take one off, because
 * that re-opens email to someone who asked us to stop or whose mail bounced.
 */
export function SuppressionSettings({ isAdmin, initial }: { isAdmin: boolean; initial: Page }) {
  const [data, setData] = useState<Page>(initial);
  const [query, setQuery] = useState("");
  const [loading, setLoading] = useState(false);
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [dialog, ask] = useConfirm();
  const request = useRef<AbortController | null>(null);

  const load = useCallback(async (q: string, page: number) => {
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    setLoading(true);
    try {
      const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
      if (q.trim()) params.set("q", q.trim());
      const result = await apiFetch<Page>(`/api/suppressions?${params}`, { signal: controller.signal });
      if (result.success) setData(result.data);
      else setMessage({ kind: "error", text: result.error });
    } catch {
      return; // superseded by a newer search
    } finally {
      if (request.current === controller) setLoading(false);
    }
  }, []);

  // Search as the user types, a moment after they stop.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => void load(query, 1), 250);
    return () => clearTimeout(timer);
  }, [query, load]);

  async function onAdd(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fields = new FormData(form);
    const email = String(fields.get("email") ?? "");
    const note = String(fields.get("note") ?? "").trim();
    setMessage(null);
    const result = await apiFetch("/api/suppressions", { method: "POST", body: { email, ...(note ? { note } : {}) } });
    if (!result.success) {
      setMessage({ kind: "error", text: result.error });
      return;
    }
    form.reset();
    setMessage({ kind: "ok", text: `${email.trim().toLowerCase()} will not be emailed.` });
    await load(query, 1);
  }

  function onRemove(row: SuppressionRow) {
    ask({ title: `Allow email to ${row.email} again?`, description: "Only do this if they asked to hear from you.", confirmLabel: "Allow email again", destructive: true }, async () => {
      setMessage(null);
      const result = await apiFetch(`/api/suppressions/${row.id}`, { method: "DELETE" });
      if (!result.success) return result.error;
      setMessage({ kind: "ok", text: `${row.email} can be emailed again.` });
      await load(query, data.page);
      return null;
    });
  }

  const from = data.total === 0 ? 0 : (data.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(data.total, data.page * PAGE_SIZE);
  return (
    <Card>
      {dialog}
      <CardHeader>
        <CardTitle>Do-not-email list</CardTitle>
        <CardDescription>
          Addresses that unsubscribed, bounced or reported spam are added automatically; every send and every sequence step checks this list first.
          {isAdmin ? "" : " Only admins can take an address off."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 [&>*]:min-w-0">
        <FormMessage message={message} />
        <form onSubmit={onAdd} className="flex flex-col gap-3 rounded-lg border bg-muted/40 p-4 sm:flex-row sm:items-end">
          <div className="flex flex-1 flex-col gap-1.5">
            <Label htmlFor="suppress-email">Email</Label>
            <Input id="suppress-email" name="email" type="email" required placeholder="someone@company.com" />
          </div>
          <div className="flex flex-1 flex-col gap-1.5">
            <Label htmlFor="suppress-note">Reason (optional)</Label>
            <Input id="suppress-note" name="note" maxLength={500} placeholder="Asked on the phone not to be emailed" />
          </div>
          <Button type="submit">
            <Ban aria-hidden /> Add
          </Button>
        </form>
        <div className="relative">
          <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input aria-label="Search the do-not-email list" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Search by address" className="pl-8" />
          {loading ? <Loader2 className="absolute right-2.5 top-1/2 size-4 -translate-y-1/2 animate-spin text-muted-foreground" aria-label="Loading" /> : null}
        </div>
        {data.items.length === 0 ? (
          <p className="rounded-lg border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
            {query.trim() ? `No listed address matches “${query.trim()}”.` : "Nobody is on the list yet."}
          </p>
        ) : (
          <ul className="divide-y rounded-lg border" aria-label="Do-not-email addresses">
            {data.items.map((row) => (
              <li key={row.id} className="flex flex-wrap items-center gap-3 px-4 py-2.5 text-sm" data-testid="suppression-row">
                <div className="min-w-0 flex-1">
                  <div className="truncate font-medium">{row.email}</div>
                  <div className="truncate text-xs text-muted-foreground">
                    {formatInZone(row.createdAt, browserTimeZone(), "date")}
                    {row.note ? ` · ${row.note}` : ""}
                  </div>
                </div>
                <Badge variant={row.reason === "MANUAL" ? "secondary" : "outline"}>{REASON_LABELS[row.reason]}</Badge>
                {isAdmin ? (
                  <Button variant="ghost" size="sm" aria-label={`Allow email to ${row.email} again`} onClick={() => void onRemove(row)}>
                    <Trash2 aria-hidden /> Remove
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {data.total > PAGE_SIZE ? (
          <div className="flex items-center justify-between gap-2 text-sm text-muted-foreground">
            <span>{from}–{to} of {formatCount(data.total)}</span>
            <div className="flex gap-2">
              <Button variant="outline" size="sm" disabled={data.page <= 1 || loading} onClick={() => void load(query, data.page - 1)}>Previous</Button>
              <Button variant="outline" size="sm" disabled={!data.hasMore || loading} onClick={() => void load(query, data.page + 1)}>Next</Button>
            </div>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
