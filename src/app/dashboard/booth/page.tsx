import type { Metadata } from "next";
import { Store } from "lucide-react";
import { BoothView } from "@/components/booth/booth-view";
import type { MeetingItem } from "@/components/meetings/format";
import { EmptyState } from "@/components/ui/empty-state";
import { boothAgenda, recentCaptures } from "@/server/booth/service";
import { getActor } from "@/server/access/page-actor";

export const metadata: Metadata = { title: "Booth" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BoothPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await getActor();
  if (!actor.event) {
    return <EmptyState icon={Store} title="No event yet">An admin creates the event first; the booth view shows its meetings.</EmptyState>;
  }
  const { event } = actor;
  const sp = await searchParams;
  const day = typeof sp.day === "string" ? sp.day : undefined;
  const everyone = sp.who === "all";
  const [agenda, captures] = await Promise.all([boothAgenda(actor, { day, everyone }), recentCaptures(actor)]);
  return (
    <BoothView
      event={agenda.event}
      day={agenda.day}
      today={agenda.today}
      phase={agenda.phase}
      days={agenda.days}
      everyone={everyone}
      meetings={JSON.parse(JSON.stringify(agenda.meetings)) as MeetingItem[]}
      captures={captures.map((c) => ({ id: c.id, description: c.description, createdAt: c.createdAt.toISOString() }))}
    />
  );
}
