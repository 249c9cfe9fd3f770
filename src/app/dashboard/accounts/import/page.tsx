import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft, CalendarX2 } from "lucide-react";
import { ImportHistory } from "@/components/import/import-history";
import { ImportWizard } from "@/components/import/import-wizard";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listImports } from "@/server/import/service";
import { getActor, getViewerTimeZone } from "@/server/access/page-actor";

export const metadata: Metadata = { title: "Import accounts" };

export default async function ImportPage() {
  const [actor, viewerTimeZone] = await Promise.all([getActor(), getViewerTimeZone()]);
  if (!actor.event) {
    return (
      <EmptyState icon={CalendarX2} title="No event yet">
        Create an event first; imported accounts belong to an event.
      </EmptyState>
    );
  }
  const { event } = actor;
  const history = await listImports({ page: 1, pageSize: 10 }, actor);
  return (
    <>
      <PageHeader
        title="Import accounts"
        description={`Bring target accounts and their people into ${event.name} from a CSV file.`}
        actions={
          <Button variant="outline" asChild>
            <Link href="/dashboard/accounts">
              <ArrowLeft aria-hidden /> Accounts
            </Link>
          </Button>
        }
      />
      <div className="grid min-w-0 gap-6 [&>*]:min-w-0">
        <ImportWizard eventName={event.name} />
        <ImportHistory items={JSON.parse(JSON.stringify(history.items))} total={history.total} timeZone={viewerTimeZone} />
      </div>
    </>
  );
}
