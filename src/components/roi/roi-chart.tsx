"use client";
// The ROI calculator's bar chart, loaded on demand (see roi-calculator.tsx) so recharts stays out
// of the person and account pages' first load.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd } from "@/lib/numbers";

export default function RoiChart({ lines }: { lines: { key: string; label: string; annual: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={lines} layout="vertical" margin={{ left: 8, right: 16, top: 4, bottom: 4 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" tickFormatter={(v: number) => formatUsd(v)} fontSize={11} />
        <YAxis type="category" dataKey="label" width={150} fontSize={11} />
        <Tooltip formatter={(v) => formatUsd(Number(v), "exact")} />
        <Bar dataKey="annual" name="Annual savings" fill="var(--color-primary)" radius={[0, 4, 4, 0]} />
      </BarChart>
    </ResponsiveContainer>
  );
}
