import type { ShowPnl, ShowSummary } from "@/server/roi/show-pnl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";
import { formatCount, formatUsd } from "@/lib/numbers";

const usd = (v: number | null) => formatUsd(v, "exact");
const times = (v: number | null) => (v === null ? "—" : `${v.toFixed(2)}×`);

/** The headline numbers, each with the previous show's value beside it. */
export function ShowHeadline({ pnl, compact = false }: { pnl: ShowPnl; compact?: boolean }) {
  const prev = pnl.previous;
  const tiles: { label: string; value: string; previous?: string; better?: boolean | null; testId: string }[] = [
    { label: "Total cost", value: usd(pnl.totalCost), previous: prev ? usd(prev.totalCost) : undefined, testId: "pnl-cost" },
    { label: "Won revenue", value: usd(pnl.wonRevenue), previous: prev ? usd(prev.wonRevenue) : undefined, better: prev ? pnl.wonRevenue >= prev.wonRevenue : null, testId: "pnl-won" },
    { label: "ROI multiple", value: times(pnl.roiMultiple), previous: prev ? times(prev.roiMultiple) : undefined, better: compare(pnl.roiMultiple, prev?.roiMultiple), testId: "pnl-roi" },
    { label: "Pipeline influenced", value: usd(pnl.pipelineInfluenced), previous: prev ? usd(prev.pipelineInfluenced) : undefined, better: prev ? pnl.pipelineInfluenced >= prev.pipelineInfluenced : null, testId: "pnl-pipeline" },
    ...(compact ? [] : [
      { label: "Pipeline created", value: usd(pnl.pipelineCreated), previous: prev ? usd(prev.pipelineCreated) : undefined, better: prev ? pnl.pipelineCreated >= prev.pipelineCreated : null, testId: "pnl-created" },
      { label: "Cost per lead", value: usd(pnl.costPerLead), previous: prev ? usd(prev.costPerLead) : undefined, better: compare(prev?.costPerLead, pnl.costPerLead), testId: "pnl-cpl" },
      { label: "Cost per meeting", value: usd(pnl.costPerMeeting), previous: prev ? usd(prev.costPerMeeting) : undefined, better: compare(prev?.costPerMeeting, pnl.costPerMeeting), testId: "pnl-cpm" },
      { label: "Cost per opportunity", value: usd(pnl.costPerOpportunity), previous: prev ? usd(prev.costPerOpportunity) : undefined, better: compare(prev?.costPerOpportunity, pnl.costPerOpportunity), testId: "pnl-cpo" },
    ]),
  ];
  return (
    <div className={cn("grid grid-cols-2 gap-3 [&>*]:min-w-0", compact ? "md:grid-cols-4" : "md:grid-cols-4")}>
      {tiles.map((t) => (
        <div key={t.label} className="rounded-lg border bg-card p-4 shadow-sm">
          <div className="text-xs font-medium text-muted-foreground">{t.label}</div>
          <div className="mt-1 text-xl font-semibold tabular-nums" data-testid={t.testId}>{t.value}</div>
          {t.previous !== undefined ? (
            // Wraps rather than cuts: on a phone's half-width tile "Manifest 2025: $540,…" hid the number.
            <div className={cn("mt-1 text-xs break-words", t.better === true ? "text-success" : t.better === false ? "text-destructive" : "text-muted-foreground")}>
              {prev!.event.name}: <span className="whitespace-nowrap">{t.previous}</span>
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}

/**
 * What the dashboard shows while its P&L headline is still being counted (the P&L reads every
 * account of this show and the previous one: ~80 ms at 5,000 accounts), the same size as four
 * compact tiles with a previous show, so nothing below moves when the numbers arrive.
 */
export function ShowHeadlineLoading() {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4 [&>*]:min-w-0" aria-busy="true" data-testid="pnl-loading">
      {["Total cost", "Won revenue", "ROI multiple", "Pipeline influenced"].map((label) => (
        <div key={label} className="rounded-lg border bg-card p-4 shadow-sm">
          <div className="text-xs font-medium text-muted-foreground">{label}</div>
          <div className="mt-1 h-7 w-20 animate-pulse rounded bg-muted" />
          <div className="mt-1 h-4 w-28 animate-pulse rounded bg-muted" />
        </div>
      ))}
      <span className="sr-only">Counting the show&rsquo;s costs and pipeline…</span>
    </div>
  );
}

function compare(a: number | null | undefined, b: number | null | undefined): boolean | null {
  return a === null || a === undefined || b === null || b === undefined ? null : a >= b;
}

type Row = ShowPnl["byRep"][number];

export function BreakdownTable({ title, description, rows, testId }: { title: string; description: string; rows: Row[]; testId: string }) {
  return (
    <Card data-testid={testId}>
      <CardHeader><CardTitle>{title}</CardTitle><CardDescription>{description}</CardDescription></CardHeader>
      <CardContent className="overflow-x-auto">
        <table className="w-full min-w-[36rem] text-sm">
          <thead className="text-left text-xs text-muted-foreground">
            <tr>{["", "Accounts", "Leads", "Meetings", "Opportunities", "Pipeline created", "Pipeline influenced", "Won"].map((h) => <th key={h} className="py-1.5 pr-3 font-medium last:pr-0 [&:not(:first-child)]:text-right">{h}</th>)}</tr>
          </thead>
          <tbody className="divide-y">
            {rows.map((r) => (
              <tr key={r.key}>
                <td className="whitespace-nowrap py-1.5 pr-3 font-medium">{r.label}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(r.accounts)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(r.leads)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(r.meetings)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(r.opportunities)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{usd(r.pipelineCreated)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{usd(r.pipelineInfluenced)}</td>
                <td className="py-1.5 text-right tabular-nums">{usd(r.wonRevenue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}

export function costSummary(s: ShowSummary): string {
  const parts = s.costByCategory.filter((c) => c.amount > 0).map((c) => `${c.label} ${usd(c.amount)}`);
  return parts.length ? parts.join(" · ") : "No costs entered yet";
}
