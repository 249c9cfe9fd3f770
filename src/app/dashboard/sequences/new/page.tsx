import type { Metadata } from "next";
import { Workflow } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { SequenceBuilder } from "@/components/sequences/sequence-builder";
import { listTemplates } from "@/server/templates/service";
import { getActor } from "@/server/access/page-actor";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "New sequence" };

export default async function NewSequencePage() {
  const actor = await getActor();
  if (!actor.event) return <EmptyState icon={Workflow} title="No event yet">Create an event to build sequences.</EmptyState>;
  const { event } = actor;
  const templates = await listTemplates({}, actor);
  return (
    <>
      <BackLink href="/dashboard/sequences" className="mb-2">Sequences</BackLink>
      <PageHeader title="New sequence" description="It starts as a draft; activate it to enroll people." />
      <SequenceBuilder templates={templates.map((t) => ({ id: t.id, name: t.name, channel: t.channel }))} />
    </>
  );
}
