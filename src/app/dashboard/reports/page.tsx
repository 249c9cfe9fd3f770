import type { Metadata } from "next";
import Link from "next/link";
import { CalendarX2, FileText, Plus } from "lucide-react";
import { ReportRowActions } from "@/components/reports/report-row-actions";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listReportDefinitions } from "@/server/reports/definitions";
import { SECTION_LABELS } from "@/lib/reports/labels";
import { getActor, getViewerTimeZone } from "@/server/access/page-actor";
import { formatInZone } from "@/lib/time";
import { can, ownedBy } from "@/server/access/permissions";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  const [actor, viewerTimeZone] = await Promise.all([getActor(), getViewerTimeZone()]);
  if (!actor.event) return <EmptyState icon={CalendarX2} title="No event yet">Reports summarise an event&apos;s results.</EmptyState>;
  const { event } = actor;
  const reports = await listReportDefinitions(actor, { page: 1, pageSize: 100 });
  const newButton = (
    <Link href="/dashboard/reports/builder" className={buttonVariants()}>
      <Plus aria-hidden /> New report
    </Link>
  );
  const showButton = (
    <Link href="/dashboard/reports/show" className={buttonVariants({ variant: "outline" })} data-testid="open-show-report">
      Was the show worth it?
    </Link>
  );
  return (
    <>
      <PageHeader title="Reports" description={`Saved report definitions for ${event.name}. Re-run one as a PDF any time: the numbers are always current.`} actions={<>{showButton}{newButton}</>} />
      {reports.items.length === 0 ? (
        <EmptyState icon={FileText} title="No saved reports yet" action={newButton}>
          Build a report: pick sections and metrics, filter by tier, rep or dates, preview it, download a PDF and save it to re-run later.
        </EmptyState>
      ) : (
        <Card>
          <CardContent className="p-0">
            <ul className="divide-y" data-testid="report-list">
              {reports.items.map((r) => {
                const f = r.config.filters;
                const chips = [
                  ...(f.tiers?.length ? [`Tier ${f.tiers.join(", ")}`] : []),
                  ...(f.ownerId ? ["One rep"] : []),
                  ...(f.from || f.to ? [`${f.from ?? "…"} → ${f.to ?? "…"}`] : []),
                ];
                return (
                  <li key={r.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
                    <div className="min-w-0">
                      <p className="font-medium">{r.name}</p>
                      <p className="text-xs text-muted-foreground">
                        {r.config.sections.map((s) => SECTION_LABELS[s]).join(" · ")}
                      </p>
                      <p className="mt-1 flex flex-wrap gap-1.5 text-xs text-muted-foreground">
                        {chips.map((c) => <Badge key={c} variant="secondary">{c}</Badge>)}
                        <span>by {r.owner?.name ?? r.owner?.email ?? "a former teammate"} · updated {formatInZone(r.updatedAt, viewerTimeZone, "shortDate")}</span>
                      </p>
                    </div>
                    <ReportRowActions id={r.id} name={r.name} eventId={event.id} config={r.config} canEdit={can(actor, "report", "edit", ownedBy(r.owner))} />
                  </li>
                );
              })}
            </ul>
          </CardContent>
        </Card>
      )}
    </>
  );
}
