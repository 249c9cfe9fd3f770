import Link from "next/link";
import { formatRate } from "@/lib/rates";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCount } from "@/lib/numbers";

type Row = { label: string; count: number; href: string };
export type ChartsData = {
  funnel: Row[];
  byTier: Row[];
  byStatus: Row[];
  rates: { label: string; rate: number; count: number; href: string }[];
  sent: number;
};

type Bar = { label: string; value: number; display: string; color: string; href: string };

const PRIMARY = "oklch(0.5 0.21 275)";
const FUNNEL_COLORS = ["oklch(0.78 0.08 275)", "oklch(0.68 0.13 275)", "oklch(0.58 0.18 275)", "oklch(0.5 0.21 275)", "oklch(0.55 0.15 155)"];
const STATUS_COLORS: Record<string, string> = {
  Prospecting: "oklch(0.75 0.03 260)", Engaged: "oklch(0.65 0.14 240)", "Meeting scheduled": "oklch(0.5 0.21 275)", Won: "oklch(0.55 0.15 155)", Lost: "oklch(0.6 0.18 27)",
};

/**
 * Horizontal bar charts drawn on the server as plain HTML: the dashboard's four charts are
 * simple comparisons, and as server markup they cost the browser no script and no render work
 * (recharts made the dashboard the slowest page to become interactive). Each chart reads as a
 * list to a screen reader ("Contacted: 412"). Every bar links to the list it counts.
 */
function BarChart({ bars, max, label }: { bars: Bar[]; max: number; label: string }) {
  return (
    <ul className="grid gap-2.5" aria-label={label}>
      {bars.map((b) => (
        <li key={b.label} data-testid="chart-bar">
          <Link prefetch={false} href={b.href} className="-mx-1 grid grid-cols-[6rem_1fr_6rem] items-center gap-3 rounded px-1 text-sm hover:bg-muted/60 sm:grid-cols-[7.5rem_1fr_6rem]">
            <span className="truncate text-muted-foreground">{b.label}</span>
            <span className="h-6 overflow-hidden rounded bg-muted/60" aria-hidden>
              <span className="block h-full rounded" style={{ width: `${max > 0 ? Math.max(b.value > 0 ? 1.5 : 0, (b.value / max) * 100) : 0}%`, backgroundColor: b.color }} />
            </span>
            <span className="text-right font-medium tabular-nums"><span className="sr-only">{b.label}: </span>{b.display}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function ChartCard({ title, description, children, testId }: { title: string; description: string; children: React.ReactNode; testId: string }) {
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

export function DashboardCharts({ data }: { data: ChartsData }) {
  const counts = (rows: Row[], color: (label: string, i: number) => string): Bar[] =>
    rows.map((r, i) => ({ label: r.label, value: r.count, display: formatCount(r.count), color: color(r.label, i), href: r.href }));
  const funnel = counts(data.funnel, (_l, i) => FUNNEL_COLORS[i % FUNNEL_COLORS.length]);
  const tiers = counts(data.byTier, () => PRIMARY);
  const statuses = counts(data.byStatus, (l) => STATUS_COLORS[l] ?? PRIMARY);
  const rates = data.rates.map((r) => ({ label: r.label, value: r.rate, display: `${formatRate(r.rate)} (${formatCount(r.count)})`, color: PRIMARY, href: r.href }));
  const most = (bars: Bar[]) => Math.max(0, ...bars.map((b) => b.value));
  return (
    <div className="grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
      <ChartCard title="Account funnel" description="Target accounts → contacted → replied → meeting → won" testId="chart-funnel">
        <BarChart bars={funnel} max={most(funnel)} label="Accounts at each stage" />
      </ChartCard>
      <ChartCard title="Outreach rates" description={`Share of ${formatCount(data.sent)} sent messages · machine opens excluded`} testId="chart-rates">
        <BarChart bars={rates} max={1} label="Share of sent messages" />
      </ChartCard>
      <ChartCard title="Accounts by tier" description="How the target list is spread across tiers" testId="chart-tier">
        <BarChart bars={tiers} max={most(tiers)} label="Accounts per tier" />
      </ChartCard>
      <ChartCard title="Accounts by status" description="Where each account stands in the sales cycle" testId="chart-status">
        <BarChart bars={statuses} max={most(statuses)} label="Accounts per status" />
      </ChartCard>
    </div>
  );
}
