import type { Metadata } from "next";
import { CalendarX2, Trash2 } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TrashList } from "@/components/trash/trash-list";
import { getActor } from "@/server/access/page-actor";
import { listTrash } from "@/server/trash/service";
import { TRASH_DAYS } from "@/lib/trash";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Trash" };

export default async function TrashPage() {
  const actor = await getActor();
  if (!actor.event) return <EmptyState icon={CalendarX2} title="No event yet">The Trash holds an event&apos;s deleted accounts and people.</EmptyState>;
  const trash = await listTrash(actor);
  const isAdmin = actor.role === "ADMIN";
  return (
    <>
      <BackLink href="/dashboard/settings" className="mb-2">Settings</BackLink>
      <PageHeader
        title="Trash"
        description={
          isAdmin
            ? `Accounts and people deleted in ${actor.event.name}. Restore a delete in one click, or delete it for good; after ${TRASH_DAYS} days it is deleted for good by itself.`
            : `What you deleted in ${actor.event.name}. Restore it in one click within ${TRASH_DAYS} days; admins see everyone's deletes.`
        }
      />
      <TrashList timeZone={actor.event.timeZone} items={trash.items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), purgesAt: i.purgesAt.toISOString() }))}>
        <EmptyState icon={Trash2} title="The Trash is empty">
          Deleted accounts and people wait here for {TRASH_DAYS} days before they are gone for good.
        </EmptyState>
      </TrashList>
    </>
  );
}
