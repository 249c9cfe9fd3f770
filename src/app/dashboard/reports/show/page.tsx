import type { Metadata } from "next";
import { CalendarX2 } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { BreakdownTable, costSummary, ShowHeadline } from "@/components/reports/show-pnl-view";
import { EventCostsEditor } from "@/components/reports/event-costs-editor";
import { COST_CATEGORIES, COST_CATEGORY_LABELS, getShowPnl, listEventCosts } from "@/server/roi/show-pnl";
import { getActor } from "@/server/access/page-actor";
import { formatCount } from "@/lib/numbers";

export const metadata: Metadata = { title: "Was the show worth it?" };

export default async function ShowReportPage() {
  const actor = await getActor();
  const { event } = actor;
  if (!event) return <EmptyState icon={CalendarX2} title="No event yet">Create an event first; its costs and results appear here.</EmptyState>;
  const [pnl, costs] = await Promise.all([getShowPnl(event.id), listEventCosts(event.id)]);
  return (
    <>
      <PageHeader
        title="Was the show worth it?"
        description={`${event.name}: what it cost (${costSummary(pnl)}), what it brought in, and how that compares with ${pnl.previous ? pnl.previous.event.name : "the previous show (none yet)"}.`}
      />
      <div className="grid gap-6">
        <ShowHeadline pnl={pnl} />
        <p className="text-sm text-muted-foreground">
          {formatCount(pnl.leads)} leads, {formatCount(pnl.meetings)} meetings and {formatCount(pnl.opportunities)} opportunities.
          Pipeline influenced counts open and won opportunities at accounts the show&apos;s outreach or meetings touched; pipeline created, those opened after that first touch.
        </p>
        <div className="grid gap-6 [&>*]:min-w-0">
          <BreakdownTable title="By rep" description="The account's assigned rep." rows={pnl.byRep} testId="pnl-by-rep" />
          <BreakdownTable title="By tier" description="The account's tier." rows={pnl.byTier} testId="pnl-by-tier" />
        </div>
        <EventCostsEditor
          eventId={event.id}
          eventName={event.name}
          isAdmin={actor.role === "ADMIN"}
          costs={costs.map((c) => ({ id: c.id, category: c.category, label: COST_CATEGORY_LABELS[c.category], amount: c.amount, description: c.description }))}
          categories={COST_CATEGORIES.map((value) => ({ value, label: COST_CATEGORY_LABELS[value] }))}
        />
      </div>
    </>
  );
}
