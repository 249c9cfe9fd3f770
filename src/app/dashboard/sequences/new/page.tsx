import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft, Workflow } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { SequenceBuilder } from "@/components/sequences/sequence-builder";
import { listTemplates } from "@/server/templates/service";
import { getActor } from "@/server/access/page-actor";

export const metadata: Metadata = { title: "New sequence" };

export default async function NewSequencePage() {
  const actor = await getActor();
  if (!actor.event) return <EmptyState icon={Workflow} title="No event yet">Create an event to build sequences.</EmptyState>;
  const { event } = actor;
  const templates = await listTemplates({}, actor);
  return (
    <>
      <Link href="/dashboard/sequences" className="mb-2 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"><ArrowLeft className="size-4" aria-hidden /> Sequences</Link>
      <PageHeader title="New sequence" description="It starts as a draft; activate it to enroll people." />
      <SequenceBuilder templates={templates.map((t) => ({ id: t.id, name: t.name, channel: t.channel }))} />
    </>
  );
}
