import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft, CalendarX2 } from "lucide-react";
import { ImportHistory } from "@/components/import/import-history";
import { ImportWizard } from "@/components/import/import-wizard";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listImports } from "@/server/import/service";
import { getWorkspace } from "@/server/users/workspace";

export const metadata: Metadata = { title: "Import accounts" };

export default async function ImportPage() {
  const { user, event, viewerTimeZone } = await getWorkspace();
  if (!event) {
    return (
      <EmptyState icon={CalendarX2} title="No event yet">
        Create an event first; imported accounts belong to an event.
      </EmptyState>
    );
  }
  const history = await listImports({ eventId: event.id, page: 1, pageSize: 10 }, user);
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
