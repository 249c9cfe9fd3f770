"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export function FunnelChart({ data }: { data: { step: number; channel: string; reached: number; replies: number }[] }) {
  const rows = data.map((d) => ({ name: `Step ${d.step}`, Reached: d.reached, Replies: d.replies }));
  return (
    <div className="h-56 w-full" aria-label="Enrollments that reached each step">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tickLine={false} fontSize={12} />
          <YAxis allowDecimals={false} tickLine={false} fontSize={12} />
          <Tooltip />
          <Bar dataKey="Reached" fill="var(--color-primary, #2563eb)" radius={[4, 4, 0, 0]} />
          <Bar dataKey="Replies" fill="var(--color-success, #16a34a)" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
