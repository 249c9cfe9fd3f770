"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Rates as the API gives them: fractions of sent (0..1). */
export type RateRow = { name: string; sent: number; openRate: number; clickRate: number; replyRate: number };

const asPercent = (fraction: number) => Math.round(fraction * 1000) / 10;

/** Open, click and reply rates side by side per group (rep or campaign), drawn in percent of sent. */
export function RatesChart({ rows }: { rows: RateRow[] }) {
  const data = rows.map((r) => ({ ...r, openRate: asPercent(r.openRate), clickRate: asPercent(r.clickRate), replyRate: asPercent(r.replyRate) }));
  return (
    <div className="h-64 w-full" role="img" aria-label="Open, click and reply rates">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
          <YAxis unit="%" tick={{ fontSize: 12 }} domain={[0, 100]} />
          <Tooltip formatter={(value) => `${value}%`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="openRate" name="Open rate" fill="var(--color-chart-1, #2563eb)" radius={[3, 3, 0, 0]} />
          <Bar dataKey="clickRate" name="Click rate" fill="var(--color-chart-2, #16a34a)" radius={[3, 3, 0, 0]} />
          <Bar dataKey="replyRate" name="Reply rate" fill="var(--color-chart-3, #d97706)" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
