"use client";
import dynamic from "next/dynamic";
import { WhenVisible } from "@/components/ui/when-visible";
import type { DashboardChartKind } from "./dashboard-chart-bodies";
import type { ChartsData } from "./dashboard-charts";

const placeholder = <div className="size-full animate-pulse rounded-md bg-muted/60" aria-hidden />;

// recharts is the largest script on the dashboard and each chart costs a long render: it loads in
// its own chunk, and a chart renders only once it is on screen (rootMargin 0: on a phone that is
// the funnel at first, the rest as the rep scrolls).
const DashboardChart = dynamic(() => import("./dashboard-chart-bodies"), { ssr: false, loading: () => placeholder });

export function LazyDashboardChart({ kind, data }: { kind: DashboardChartKind; data: ChartsData }) {
  return (
    <WhenVisible className="h-64" fallback={placeholder} rootMargin="0px">
      <DashboardChart kind={kind} data={data} />
    </WhenVisible>
  );
}
