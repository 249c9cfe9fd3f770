import type { Metadata } from "next";
import { CalendarX2 } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { OutreachTabs } from "@/components/outreach/outreach-tabs";
import { TemplatesManager } from "@/components/outreach/templates-manager";
import { ALL_MERGE_FIELDS } from "@/lib/merge-fields";
import { listTemplates, templateOwners } from "@/server/templates/service";
import { refusalReason } from "@/server/access/permissions";
import { getActor } from "@/server/access/page-actor";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  const actor = await getActor();
  if (!actor.event) return <EmptyState icon={CalendarX2} title="No event yet">Create an event before writing templates.</EmptyState>;
  const { event } = actor;
  const templates = await listTemplates({}, actor);
  return (
    <>
      <PageHeader title="Outreach" description="Templates with merge fields, previewed against a real person before anyone receives them." />
      <OutreachTabs active="/dashboard/outreach/templates" />
      <TemplatesManager templates={templates.map((t) => ({ id: t.id, name: t.name, channel: t.channel, subject: t.subject, body: t.body, refusal: refusalReason(actor, "template", "edit", templateOwners(t)) }))} fields={ALL_MERGE_FIELDS} />
    </>
  );
}
