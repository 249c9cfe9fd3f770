"use client";
import Link from "next/link";
import { useState } from "react";
import { CheckCircle2, ChevronDown, ChevronUp, Loader2, Search } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { apiFetch } from "@/lib/api-client";
import { FilterSearch, FilterSelect, Pagination, useListUrl } from "@/components/data-table/list-controls";
import { cn } from "@/lib/utils";
import { announceJob, JobProgress, type JobView } from "@/components/jobs/job-progress";
import { Dossier, providerLabel as describeProvider, type DossierData, type TalkingPoint } from "@/components/research/dossier";
import { browserTimeZone, formatInZone } from "@/lib/time";
import { FormMessage } from "@/components/ui/form-message";
import { SimpleTable } from "@/components/ui/simple-table";
import { formatCount } from "@/lib/numbers";

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

const MAX_QUEUE = 500;
const STALE_OPTIONS = [7, 30, 90, 365];

export function ResearchQueue({ items, total, moreThanTotal = false, page, pageSize, staleDays, search, providerLabel, timeZone }: {
  items: Candidate[];
  timeZone: string;
  total: number;
  /** The total is the count's cap and more accounts need research. */
  moreThanTotal?: boolean;
  page: number;
  pageSize: number;
  staleDays: number;
  search: string;
  providerLabel: string;
}) {
  const url = useListUrl();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

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

  /** Research runs as a background job: the page (and any reload of it) follows it below. */
  async function run(targets: { id: string; name: string }[]) {
    setError(null);
    setStarting(true);
    const res = await apiFetch<JobView>("/api/research/run", { method: "POST", body: { accountIds: targets.map((t) => t.id) } });
    setStarting(false);
    if (!res.success) return setError(res.error);
    announceJob(res.data);
    setSelected(new Set());
  }

  async function runAll() {
    try {
      await run(await collectAll());
    } catch (e) {
      setStarting(false);
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

  return (
    <div className="grid min-w-0 gap-6 [&>*]:min-w-0">
      <Card>
        <CardHeader className="gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <CardTitle>Research queue</CardTitle>
            <CardDescription>
              {moreThanTotal ? `More than ${formatCount(total)}` : formatCount(total)} {total === 1 && !moreThanTotal ? "account has" : "accounts have"} no dossier or one older than {staleDays} days. {providerLabel}
            </CardDescription>
          </div>
          <div className="grid gap-2 sm:grid-cols-[13rem_9rem] sm:items-end">
            <div className="grid gap-1">
              <span className="text-xs text-muted-foreground">Find an account</span>
              <FilterSearch url={url} label="Find an account" placeholder="Account name" />
            </div>
            <FilterSelect url={url} param="staleDays" id="r-stale" label="Dossier older than" anyLabel="30 days" options={STALE_OPTIONS.filter((d) => d !== 30).map((d) => ({ value: String(d), label: `${d} days` }))} />
          </div>
        </CardHeader>
        <CardContent className="grid gap-4">
          <FormMessage message={error ? { kind: "error", text: error } : null} />
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
                  {starting ? (
                    <Button variant="outline" disabled>
                      <Loader2 className="animate-spin" aria-hidden /> Starting…
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
                        <Search aria-hidden /> Research all {formatCount(Math.min(total, MAX_QUEUE))}
                      </Button>
                    </>
                  )}
                </div>
              </div>
              <SimpleTable
                label="Accounts to research"
                columns={[
                  {
                    label: <input type="checkbox" aria-label="Select all on this page" checked={allOnPage} onChange={() => setSelected(allOnPage ? new Set() : new Set(items.map((i) => i.id)))} />,
                    className: "w-10",
                  },
                  "Account",
                  "Tier",
                  "ICP",
                  { label: "People", className: "hidden sm:table-cell" },
                  { label: "Last researched", className: "hidden sm:table-cell" },
                ]}
              >
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
              </SimpleTable>
              {starting ? null : <Pagination url={url} page={page} pageSize={pageSize} total={total} moreThanTotal={moreThanTotal} />}
            </>
          )}
        </CardContent>
      </Card>

      <JobProgress
        kind="research"
        title="Research"
        renderDone={(done) => (
          <ul className="divide-y rounded-lg border" data-testid="research-results" aria-label="Accounts researched">
            {done.map((item) => {
              const result = (item.result ?? {}) as { provider?: string; painPoints?: number; sources?: number; insights?: number; websiteFetched?: boolean; warnings?: string[]; outcome?: string };
              return (
                <li key={item.key} className="flex flex-wrap items-start gap-3 px-4 py-3 text-sm">
                  <CheckCircle2 className="mt-0.5 size-4 text-success" aria-hidden />
                  <div className="min-w-0 flex-1">
                    <Link href={`/dashboard/accounts/${item.key}`} className="font-medium hover:underline">{item.label}</Link>
                    <div className="text-xs text-muted-foreground">
                      {plural(result.painPoints ?? 0, "pain point")} · {plural(result.sources ?? 0, "source")} · {plural(result.insights ?? 0, "talking point")} · {describeProvider(result.provider ?? "built-in")}
                      {result.outcome ? <p className={result.websiteFetched ? "" : "text-warning"} data-testid="research-outcome">{result.outcome}</p> : null}
                    </div>
                    <DossierToggle accountId={item.key} name={item.label} />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      />
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
