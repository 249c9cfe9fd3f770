import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LazyDashboardChart } from "./lazy-chart";

export type ChartsData = {
  funnel: { stage: string; count: number }[];
  byTier: { label: string; count: number }[];
  byStatus: { label: string; count: number }[];
  rates: { label: string; rate: number; count: number }[];
  sent: number;
};

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

// The cards (titles, descriptions) are server-rendered; each chart body is a client island that
// loads recharts when it comes into view (lazy-chart.tsx).
export function DashboardCharts({ data }: { data: ChartsData }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
      <ChartCard title="Account funnel" description="Target accounts → contacted → replied → meeting → won" testId="chart-funnel">
        <LazyDashboardChart kind="funnel" data={data} />
      </ChartCard>
      <ChartCard title="Outreach rates" description={`Share of ${data.sent.toLocaleString("en-US")} sent messages · machine opens excluded`} testId="chart-rates">
        <LazyDashboardChart kind="rates" data={data} />
      </ChartCard>
      <ChartCard title="Accounts by tier" description="How the target list is spread across tiers" testId="chart-tier">
        <LazyDashboardChart kind="tier" data={data} />
      </ChartCard>
      <ChartCard title="Accounts by status" description="Where each account stands in the sales cycle" testId="chart-status">
        <LazyDashboardChart kind="status" data={data} />
      </ChartCard>
    </div>
  );
}
