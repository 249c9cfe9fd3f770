import type { Metadata } from "next";
import { Store } from "lucide-react";
import { BoothApp, type BoothSnapshot } from "@/components/booth/booth-app";
import { EmptyState } from "@/components/ui/empty-state";
import { getActor } from "@/server/access/page-actor";
import { isAiConfigured } from "@/server/ai/client";
import { boothAgenda } from "@/server/booth/service";

export const metadata: Metadata = { title: "Booth" };

export default async function BoothPage() {
  const actor = await getActor();
  if (!actor.event) {
    return <EmptyState icon={Store} title="No event yet">An admin creates the event first; the booth view shows its meetings.</EmptyState>;
  }
  const agenda = await boothAgenda(actor, { firstView: true });
  return <BoothApp initial={JSON.parse(JSON.stringify(agenda)) as BoothSnapshot} cardReading={isAiConfigured()} />;
}
