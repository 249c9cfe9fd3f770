"use client";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export type ChartsData = {
  funnel: { stage: string; count: number }[];
  byTier: { label: string; count: number }[];
  byStatus: { label: string; count: number }[];
  rates: { label: string; rate: number; count: number }[];
  sent: number;
};

const PRIMARY = "oklch(0.5 0.21 275)";
const FUNNEL_COLORS = ["oklch(0.78 0.08 275)", "oklch(0.68 0.13 275)", "oklch(0.58 0.18 275)", "oklch(0.5 0.21 275)", "oklch(0.55 0.15 155)"];
const STATUS_COLORS: Record<string, string> = {
  Prospecting: "oklch(0.75 0.03 260)", Engaged: "oklch(0.65 0.14 240)", "Meeting scheduled": "oklch(0.5 0.21 275)", Won: "oklch(0.55 0.15 155)", Lost: "oklch(0.6 0.18 27)",
};

function ChartCard({ title, description, children, testId }: { title: string; description: string; children: React.ReactNode; testId: string }) {
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="h-64">{children}</CardContent>
    </Card>
  );
}

const tick = { fontSize: 12, fill: "oklch(0.47 0.02 262)" };

export function DashboardCharts({ data }: { data: ChartsData }) {
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  return (
    <div className="grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
      <ChartCard title="Account funnel" description="Target accounts → contacted → replied → meeting → won" testId="chart-funnel">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data.funnel} layout="vertical" margin={{ left: 8, right: 40 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" tick={tick} allowDecimals={false} />
            <YAxis type="category" dataKey="stage" tick={tick} width={110} />
            <Tooltip formatter={(v) => [Number(v).toLocaleString("en-US"), "Accounts"]} />
            <Bar dataKey="count" radius={[0, 4, 4, 0]} isAnimationActive={false}>
              {data.funnel.map((_, i) => <Cell key={i} fill={FUNNEL_COLORS[i % FUNNEL_COLORS.length]} />)}
              <LabelList dataKey="count" position="right" style={{ fontSize: 12 }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard title="Outreach rates" description={`Share of ${data.sent.toLocaleString("en-US")} sent messages · machine opens excluded`} testId="chart-rates">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data.rates} margin={{ top: 20, right: 8 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={tick} />
            <YAxis tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tick={tick} domain={[0, 1]} />
            <Tooltip formatter={(v, _n, item) => [`${pct(Number(v))} (${(item.payload as { count: number }).count.toLocaleString("en-US")})`, "Rate"]} />
            <Bar dataKey="rate" fill={PRIMARY} radius={[4, 4, 0, 0]} isAnimationActive={false}>
              <LabelList dataKey="rate" position="top" formatter={(v) => pct(Number(v))} style={{ fontSize: 12 }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard title="Accounts by tier" description="How the target list is spread across tiers" testId="chart-tier">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data.byTier} margin={{ top: 20, right: 8 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={tick} />
            <YAxis tick={tick} allowDecimals={false} />
            <Tooltip formatter={(v) => [Number(v).toLocaleString("en-US"), "Accounts"]} />
            <Bar dataKey="count" fill={PRIMARY} radius={[4, 4, 0, 0]} isAnimationActive={false}>
              <LabelList dataKey="count" position="top" style={{ fontSize: 12 }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard title="Accounts by status" description="Where each account stands in the sales cycle" testId="chart-status">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data.byStatus} margin={{ top: 20, right: 8 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={{ ...tick, fontSize: 11 }} interval={0} angle={-25} textAnchor="end" height={56} />
            <YAxis tick={tick} allowDecimals={false} />
            <Tooltip formatter={(v) => [Number(v).toLocaleString("en-US"), "Accounts"]} />
            <Bar dataKey="count" radius={[4, 4, 0, 0]} isAnimationActive={false}>
              {data.byStatus.map((s) => <Cell key={s.label} fill={STATUS_COLORS[s.label] ?? PRIMARY} />)}
              <LabelList dataKey="count" position="top" style={{ fontSize: 12 }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
    </div>
  );
}
