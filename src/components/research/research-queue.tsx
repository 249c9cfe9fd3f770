"use client";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { AlertTriangle, CheckCircle2, ChevronDown, ChevronLeft, ChevronRight, ChevronUp, Loader2, Search, Square } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { apiFetch } from "@/lib/api-client";
import { cn } from "@/lib/utils";
import { ProgressBar } from "@/components/import/progress-bar";
import { Dossier, providerLabel as describeProvider, type DossierData, type TalkingPoint } from "@/components/research/dossier";
import { browserTimeZone, formatInZone } from "@/lib/time";

export type Candidate = {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  tier: "A" | "B" | "C" | "D";
  icpScore: number | null;
  people: number;
  researchedAt: string | null;
};

type RunResult =
  | { accountId: string; ok: true; result: { name: string; provider: string; painPoints: number; sources: number; insights: number; websiteFetched: boolean; warnings: string[]; outcome: string } }
  | { accountId: string; ok: false; error: string };
type Row = RunResult & { name: string };

const BATCH = 5;
const MAX_QUEUE = 500;
const STALE_OPTIONS = [7, 30, 90, 365];

export function ResearchQueue({ items, total, page, pageSize, staleDays, search, providerLabel, timeZone }: {
  items: Candidate[];
  timeZone: string;
  total: number;
  page: number;
  pageSize: number;
  staleDays: number;
  search: string;
  providerLabel: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [running, setRunning] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<Row[]>([]);
  const [error, setError] = useState<string | null>(null);
  const stopRef = useRef(false);

  const go = (params: Record<string, string | number>) => {
    const next = new URLSearchParams({ staleDays: String(staleDays), page: String(page), q: search, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
    if (!next.get("q")) next.delete("q");
    router.push(`${pathname}?${next.toString()}`);
  };

  async function collectAll(): Promise<{ id: string; name: string }[]> {
    const all: { id: string; name: string }[] = [];
    for (let p = 1; all.length < Math.min(total, MAX_QUEUE); p++) {
      const res = await apiFetch<{ items: Candidate[]; hasMore: boolean }>(
        `/api/research/candidates?staleDays=${staleDays}&pageSize=200&page=${p}${search ? `&q=${encodeURIComponent(search)}` : ""}`,
      );
      if (!res.success) throw new Error(res.error);
      all.push(...res.data.items.map((c) => ({ id: c.id, name: c.name })));
      if (!res.data.hasMore) break;
    }
    return all.slice(0, MAX_QUEUE);
  }

  async function run(targets: { id: string; name: string }[]) {
    setError(null);
    setResults([]);
    stopRef.current = false;
    setRunning({ done: 0, total: targets.length });
    const names = new Map(targets.map((t) => [t.id, t.name]));
    let done = 0;
    for (let i = 0; i < targets.length; i += BATCH) {
      if (stopRef.current) break;
      const batch = targets.slice(i, i + BATCH);
      const res = await apiFetch<{ results: RunResult[] }>("/api/research/run", { method: "POST", body: { accountIds: batch.map((t) => t.id) } });
      const rows: Row[] = res.success
        ? res.data.results.map((r) => ({ ...r, name: names.get(r.accountId) ?? r.accountId }))
        : batch.map((t) => ({ accountId: t.id, ok: false as const, error: res.error, name: t.name }));
      done += batch.length;
      setResults((prev) => [...prev, ...rows]);
      setRunning({ done, total: targets.length });
    }
    setRunning(null);
    setSelected(new Set());
    router.refresh();
  }

  async function runAll() {
    try {
      await run(await collectAll());
    } catch (e) {
      setRunning(null);
      setError(e instanceof Error ? e.message : "Could not load the queue");
    }
  }

  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allOnPage = items.length > 0 && items.every((i) => selected.has(i.id));
  const ok = results.filter((r) => r.ok).length;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <div className="grid min-w-0 gap-6 [&>*]:min-w-0">
      <Card>
        <CardHeader className="gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <CardTitle>Research queue</CardTitle>
            <CardDescription>
              {total.toLocaleString("en-US")} {total === 1 ? "account has" : "accounts have"} no dossier or one older than {staleDays} days. {providerLabel}
            </CardDescription>
          </div>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <form
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              go({ q: String(new FormData(e.currentTarget).get("q") ?? ""), page: 1 });
            }}
          >
            <Input name="q" type="search" defaultValue={search} placeholder="Find an account…" aria-label="Find an account" className="h-8 sm:w-52" />
          </form>
          <label className="flex items-center gap-2 text-sm">
            <span className="whitespace-nowrap text-muted-foreground">Older than</span>
            <select
              aria-label="Dossier age"
              value={staleDays}
              onChange={(e) => go({ staleDays: e.target.value, page: 1 })}
              className="h-8 rounded-md border border-input bg-card px-2 text-sm"
              disabled={running !== null}
            >
              {STALE_OPTIONS.map((d) => (
                <option key={d} value={d}>
                  {d} days
                </option>
              ))}
            </select>
          </label>
          </div>
        </CardHeader>
        <CardContent className="grid gap-4">
          {error ? (
            <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">
              {error}
            </p>
          ) : null}
          {items.length === 0 ? (
            search ? (
              <EmptyState icon={Search} title={`No account matching “${search}” needs research`}>
                It may already have a dossier from the last {staleDays} days. Clear the search or choose a shorter age.
              </EmptyState>
            ) : (
              <EmptyState icon={CheckCircle2} title="Everything is researched">
                Every account in this event has a dossier from the last {staleDays} days. Choose a shorter age to refresh older ones.
              </EmptyState>
            )
          ) : (
            <>
              <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                <span className="text-sm text-muted-foreground">{selected.size ? `${selected.size} selected` : "Select accounts, or research the whole queue."}</span>
                <div className="flex flex-col gap-2 sm:flex-row">
                  {running ? (
                    <Button variant="outline" onClick={() => (stopRef.current = true)}>
                      <Square aria-hidden /> Stop after this batch
                    </Button>
                  ) : (
                    <>
                      <Button
                        variant="outline"
                        disabled={selected.size === 0}
                        onClick={() => run(items.filter((i) => selected.has(i.id)).map((i) => ({ id: i.id, name: i.name })))}
                      >
                        <Search aria-hidden /> Research selected{selected.size ? ` (${selected.size})` : ""}
                      </Button>
                      <Button onClick={runAll}>
                        <Search aria-hidden /> Research all {Math.min(total, MAX_QUEUE).toLocaleString("en-US")}
                      </Button>
                    </>
                  )}
                </div>
              </div>
              {running ? <ProgressBar value={running.done} max={running.total} label="Researching accounts" /> : null}
              <div className="overflow-x-auto rounded-lg border">
                <table className="w-full text-sm" aria-label="Accounts to research">
                  <thead className="bg-muted/60 text-left text-xs uppercase tracking-wide text-muted-foreground">
                    <tr>
                      <th className="w-10 px-3 py-2">
                        <input
                          type="checkbox"
                          aria-label="Select all on this page"
                          checked={allOnPage}
                          onChange={() => setSelected(allOnPage ? new Set() : new Set(items.map((i) => i.id)))}
                        />
                      </th>
                      <th className="px-3 py-2 font-medium">Account</th>
                      <th className="px-3 py-2 font-medium">Tier</th>
                      <th className="px-3 py-2 font-medium">ICP</th>
                      <th className="hidden px-3 py-2 font-medium sm:table-cell">People</th>
                      <th className="hidden px-3 py-2 font-medium sm:table-cell">Last researched</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y">
                    {items.map((c) => (
                      <tr key={c.id} className={cn(selected.has(c.id) && "bg-accent/50")}>
                        <td className="px-3 py-2">
                          <input type="checkbox" aria-label={`Select ${c.name}`} checked={selected.has(c.id)} onChange={() => toggle(c.id)} />
                        </td>
                        <td className="px-3 py-2">
                          <Link href={`/dashboard/accounts/${c.id}`} className="font-medium hover:underline">
                            {c.name}
                          </Link>
                          <div className="text-xs text-muted-foreground">{[c.domain, c.industry].filter(Boolean).join(" · ") || "—"}</div>
                        </td>
                        <td className="px-3 py-2">
                          <Badge variant={c.tier === "A" ? "default" : "secondary"} className="whitespace-nowrap">Tier {c.tier}</Badge>
                        </td>
                        <td className="px-3 py-2 tabular-nums">{c.icpScore ?? "—"}</td>
                        <td className="hidden px-3 py-2 tabular-nums sm:table-cell">{c.people}</td>
                        <td className="hidden px-3 py-2 text-muted-foreground sm:table-cell">
                          {c.researchedAt ? formatInZone(c.researchedAt, timeZone, "date") : "Never"}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {pages > 1 ? (
                <div className="flex items-center justify-between text-sm">
                  <span className="text-muted-foreground">
                    Page {page} of {pages}
                  </span>
                  <div className="flex gap-2">
                    <Button variant="outline" size="sm" disabled={page <= 1 || running !== null} onClick={() => go({ page: page - 1 })}>
                      <ChevronLeft aria-hidden /> Previous
                    </Button>
                    <Button variant="outline" size="sm" disabled={page >= pages || running !== null} onClick={() => go({ page: page + 1 })}>
                      Next <ChevronRight aria-hidden />
                    </Button>
                  </div>
                </div>
              ) : null}
            </>
          )}
        </CardContent>
      </Card>

      {results.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Results</CardTitle>
            <CardDescription>
              {ok} researched{results.length - ok ? `, ${results.length - ok} failed` : ""}
              {running ? " so far" : ""}.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y rounded-lg border" data-testid="research-results">
              {results.map((r) => (
                <li key={r.accountId} className="flex flex-wrap items-start gap-3 px-4 py-3 text-sm">
                  {r.ok ? <CheckCircle2 className="mt-0.5 size-4 text-success" aria-hidden /> : <AlertTriangle className="mt-0.5 size-4 text-destructive" aria-hidden />}
                  <div className="min-w-0 flex-1">
                    <Link href={`/dashboard/accounts/${r.accountId}`} className="font-medium hover:underline">
                      {r.name}
                    </Link>
                    {r.ok ? (
                      <div className="text-xs text-muted-foreground">
                        {plural(r.result.painPoints, "pain point")} · {plural(r.result.sources, "source")} · {plural(r.result.insights, "talking point")} · {describeProvider(r.result.provider)}
                        <p className={r.result.websiteFetched ? "" : "text-warning"} data-testid="research-outcome">{r.result.outcome}</p>
                      </div>
                    ) : (
                      <div className="text-xs text-destructive">{r.error}</div>
                    )}
                    {r.ok ? <DossierToggle accountId={r.accountId} name={r.name} /> : null}
                  </div>
                </li>
              ))}
            </ul>
            {running ? (
              <p className="mt-3 flex items-center gap-2 text-xs text-muted-foreground">
                <Loader2 className="size-3 animate-spin" aria-hidden /> Working…
              </p>
            ) : null}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}

type DossierAnswer = { dossier: DossierData | null; talkingPoints: TalkingPoint[] };

function DossierToggle({ accountId, name }: { accountId: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<{ loading: boolean; data?: DossierAnswer; error?: string }>({ loading: false });

  async function toggle() {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    if (state.data) return;
    setState({ loading: true });
    const res = await apiFetch<DossierAnswer>(`/api/research/accounts/${accountId}`);
    setState(res.success ? { loading: false, data: res.data } : { loading: false, error: res.error });
  }

  return (
    <div className="mt-1">
      <Button variant="link" size="sm" className="h-auto px-0" onClick={toggle} aria-expanded={open} aria-label={`${open ? "Hide" : "Show"} the dossier for ${name}`}>
        {open ? <ChevronUp aria-hidden /> : <ChevronDown aria-hidden />} {open ? "Hide dossier" : "Show dossier"}
      </Button>
      {open ? (
        <div className="mt-2 rounded-lg border bg-muted/20 p-3">
          {state.loading ? (
            <p className="flex items-center gap-2 text-xs text-muted-foreground">
              <Loader2 className="size-3 animate-spin" aria-hidden /> Loading the dossier…
            </p>
          ) : state.error ? (
            <p className="text-xs text-destructive">{state.error}</p>
          ) : state.data?.dossier ? (
            <Dossier dossier={state.data.dossier} talkingPoints={state.data.talkingPoints} timeZone={browserTimeZone()} />
          ) : (
            <p className="text-xs text-muted-foreground">No dossier yet.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
