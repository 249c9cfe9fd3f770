"use client";
// The dashboard's recharts bodies. Loaded on demand by LazyDashboardChart (lazy-chart.tsx), so
// recharts is neither downloaded nor rendered before a chart scrolls into view.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartsData } from "./dashboard-charts";

const PRIMARY = "oklch(0.5 0.21 275)";
const FUNNEL_COLORS = ["oklch(0.78 0.08 275)", "oklch(0.68 0.13 275)", "oklch(0.58 0.18 275)", "oklch(0.5 0.21 275)", "oklch(0.55 0.15 155)"];
const STATUS_COLORS: Record<string, string> = {
  Prospecting: "oklch(0.75 0.03 260)", Engaged: "oklch(0.65 0.14 240)", "Meeting scheduled": "oklch(0.5 0.21 275)", Won: "oklch(0.55 0.15 155)", Lost: "oklch(0.6 0.18 27)",
};

const tick = { fontSize: 12, fill: "oklch(0.47 0.02 262)" };

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function FunnelChart({ data }: { data: ChartsData }) {
  return (
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
  );
}

function RatesChart({ data }: { data: ChartsData }) {
  return (
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
  );
}

function TierChart({ data }: { data: ChartsData }) {
  return (
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
  );
}

function StatusChart({ data }: { data: ChartsData }) {
  return (
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
  );
}

export type DashboardChartKind = "funnel" | "rates" | "tier" | "status";

export default function DashboardChart({ kind, data }: { kind: DashboardChartKind; data: ChartsData }) {
  if (kind === "funnel") return <FunnelChart data={data} />;
  if (kind === "rates") return <RatesChart data={data} />;
  if (kind === "tier") return <TierChart data={data} />;
  return <StatusChart data={data} />;
}
