"use client";
import dynamic from "next/dynamic";
import { WhenVisible } from "@/components/ui/when-visible";
import type { DashboardChartKind } from "./dashboard-chart-bodies";
import type { ChartsData } from "./dashboard-charts";

const placeholder = <div className="size-full animate-pulse rounded-md bg-muted/60" aria-hidden />;

// recharts is the largest script on the dashboard: it loads in its own chunk, and only for a
// chart that is (nearly) on screen.
const DashboardChart = dynamic(() => import("./dashboard-chart-bodies"), { ssr: false, loading: () => placeholder });

export function LazyDashboardChart({ kind, data }: { kind: DashboardChartKind; data: ChartsData }) {
  return (
    <WhenVisible className="h-64" fallback={placeholder}>
      <DashboardChart kind={kind} data={data} />
    </WhenVisible>
  );
}
