import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CalendarX2 } from "lucide-react";
import { PresenceAvatars } from "@/components/presence/lazy-presence-avatars";
import { ReportBuilder } from "@/components/reports/report-builder";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { foundOr404 } from "@/server/http/not-found";
import { getReportDefinition, type ReportDefinitionView } from "@/server/reports/definitions";
import { listTeam } from "@/server/team/service";
import { getActor } from "@/server/access/page-actor";
import { can, ownedBy } from "@/server/access/permissions";

export const metadata: Metadata = { title: "Report builder" };

export default async function ReportBuilderPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const actor = await getActor();
  if (!actor.event) return <EmptyState icon={CalendarX2} title="No event yet">Reports summarise an event&apos;s results.</EmptyState>;
  const { event } = actor;
  const { id } = await searchParams;
  let definition: ReportDefinitionView | null = null;
  if (id) {
    definition = await foundOr404(getReportDefinition(id, actor));
  }
  const team = await listTeam();
  return (
    <>
      <PageHeader
        title={definition ? definition.name : "New report"}
        description="Sections, metrics and filters → preview → PDF. Save it to re-run later."
        actions={
          <div className="flex items-center gap-3">
            {definition ? <PresenceAvatars entityType="report" entityId={definition.id} /> : null}
            <Link href="/dashboard/reports" className={buttonVariants({ variant: "outline" })}>All reports</Link>
          </div>
        }
      />
      <ReportBuilder
        eventId={event.id}
        reps={team.members.map((m) => ({ id: m.id, name: m.name ?? m.email }))}
        initial={definition ? { id: definition.id, name: definition.name, config: definition.config, canEdit: can(actor, "report", "edit", ownedBy(definition.owner)) } : undefined}
      />
    </>
  );
}
