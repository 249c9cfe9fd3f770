import type { Metadata } from "next";
import { CalendarX2 } from "lucide-react";
import { ResearchQueue } from "@/components/research/research-queue";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { aiProviderName, isAiConfigured } from "@/server/ai/client";
import { researchCandidatesQuery } from "@/server/research/schemas";
import { listResearchCandidates } from "@/server/research/service";
import { getActor, getViewerTimeZone } from "@/server/access/page-actor";

export const metadata: Metadata = { title: "Research" };

const PAGE_SIZE = 25;

export default async function ResearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [actor, viewerTimeZone] = await Promise.all([getActor(), getViewerTimeZone()]);
  if (!actor.event) {
    return (
      <EmptyState icon={CalendarX2} title="No event yet">
        Create an event and add target accounts to research them.
      </EmptyState>
    );
  }
  const { event } = actor;
  const raw = await searchParams;
  const parsed = researchCandidatesQuery.safeParse({ staleDays: raw.staleDays, page: raw.page, q: raw.q || undefined, pageSize: PAGE_SIZE });
  const query = parsed.success ? parsed.data : { staleDays: 30, page: 1, pageSize: PAGE_SIZE, q: undefined };
  const candidates = await listResearchCandidates({ ...query, eventId: event.id }, actor);
  const providerLabel = isAiConfigured()
    ? `Research runs through ${aiProviderName().replace("openai-compatible:", "")} with each company's public website.`
    : "No AI model is configured: research reads each company's public website where it can, combines it with what you know about the account, and lists the pain points typical for its industry. Each result says what was read.";
  return (
    <>
      <PageHeader
        title="Research"
        description="Build a dossier for every target account: what they do, where they operate, likely yard pain points, news and talking points for each contact."
      />
      <ResearchQueue
        items={JSON.parse(JSON.stringify(candidates.items))}
        total={candidates.total}
        moreThanTotal={candidates.moreThanTotal}
        page={candidates.page}
        pageSize={candidates.pageSize}
        staleDays={candidates.staleDays}
        search={query.q ?? ""}
        providerLabel={providerLabel}
        timeZone={viewerTimeZone}
      />
    </>
  );
}
