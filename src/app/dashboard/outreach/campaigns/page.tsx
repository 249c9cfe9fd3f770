import type { Metadata } from "next";
import { formatRate } from "@/lib/rates";
import Link from "next/link";
import { CalendarX2, Megaphone } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CampaignForm } from "@/components/outreach/campaign-form";
import { OutreachTabs } from "@/components/outreach/outreach-tabs";
import { RatesChart } from "@/components/outreach/rates-chart";
import { listCampaigns } from "@/server/campaigns/service";
import { getActor } from "@/server/access/page-actor";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const actor = await getActor();
  if (!actor.event) return <EmptyState icon={CalendarX2} title="No event yet">Create an event before starting campaigns.</EmptyState>;
  const { event } = actor;
  const campaigns = await listCampaigns(actor);
  const withSends = campaigns.filter((c) => c.rates.sent > 0);
  return (
    <>
      <PageHeader title="Outreach" description="Campaigns group messages with one purpose, so you can compare what worked." />
      <OutreachTabs active="/dashboard/outreach/campaigns" />
      <Card className="mb-4"><CardContent className="pt-5"><CampaignForm /></CardContent></Card>
      {campaigns.length === 0 ? (
        <EmptyState icon={Megaphone} title="No campaigns yet">Create one above, then choose it when you write or generate messages.</EmptyState>
      ) : (
        <>
          {withSends.length > 0 ? (
            <Card className="mb-4">
              <CardHeader><CardTitle>Rates by campaign</CardTitle></CardHeader>
              <CardContent>
                <RatesChart rows={withSends.map((c) => ({ name: c.name.length > 18 ? `${c.name.slice(0, 17)}…` : c.name, sent: c.rates.sent, openRate: c.rates.openRate, clickRate: c.rates.clickRate, replyRate: c.rates.replyRate }))} />
              </CardContent>
            </Card>
          ) : null}
          <div className="overflow-x-auto rounded-lg border bg-card shadow-sm">
            <table className="w-full min-w-[40rem] text-sm" data-testid="campaign-table">
              <thead className="border-b bg-muted/50 text-left text-xs text-muted-foreground">
                <tr>
                  <th className="px-4 py-2 font-medium">Campaign</th>
                  <th className="px-3 py-2 text-right font-medium">Messages</th>
                  <th className="px-3 py-2 text-right font-medium">Sent</th>
                  <th className="px-3 py-2 text-right font-medium">Open</th>
                  <th className="px-3 py-2 text-right font-medium">Click</th>
                  <th className="px-3 py-2 text-right font-medium">Reply</th>
                  <th className="px-3 py-2 text-right font-medium">Bounce</th>
                </tr>
              </thead>
              <tbody className="divide-y">
                {campaigns.map((c) => (
                  <tr key={c.id}>
                    <td className="px-4 py-2.5">
                      <Link href={`/dashboard/outreach?campaignId=${c.id}`} className="font-medium text-primary hover:underline">{c.name}</Link>
                      {c.description ? <p className="text-xs text-muted-foreground">{c.description}</p> : null}
                    </td>
                    <td className="px-3 py-2.5 text-right tabular-nums">{c.rates.total}</td>
                    <td className="px-3 py-2.5 text-right tabular-nums">{c.rates.sent}</td>
                    <td className="px-3 py-2.5 text-right tabular-nums">{formatRate(c.rates.openRate)}</td>
                    <td className="px-3 py-2.5 text-right tabular-nums">{formatRate(c.rates.clickRate)}</td>
                    <td className="px-3 py-2.5 text-right tabular-nums">{formatRate(c.rates.replyRate)}</td>
                    <td className="px-3 py-2.5 text-right tabular-nums">{formatRate(c.rates.bounceRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
