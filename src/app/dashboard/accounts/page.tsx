import type { Metadata } from "next";
import Link from "next/link";
import { Building2, Upload } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { AccountsList } from "@/components/accounts/accounts-list";
import { ListError } from "@/components/data-table/list-error";
import { NoEvent } from "@/components/ui/empty-state";
import { Button } from "@/components/ui/button";
import { ACCOUNT_FIELDS, NewRecordButton } from "@/components/records/new-record-button";
import { listCountSentence, listPage, parseListParams, type SearchParams } from "@/lib/list-params";
import { accountFilterOptions, listAccounts, listAccountsQuery } from "@/server/accounts/service";
import { listSavedViews } from "@/server/saved-views/service";
import { getActor, getViewerTimeZone } from "@/server/access/page-actor";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [actor, viewerTimeZone] = await Promise.all([getActor(), getViewerTimeZone()]);
  if (!actor.event) return <NoEvent title="Accounts" icon={Building2}>Create an event to start adding target accounts.</NoEvent>;
  const { event } = actor;
  const parsed = parseListParams(await searchParams, listAccountsQuery, { eventId: event.id });
  if (!parsed.ok) return <ListError title="Accounts" issues={parsed.problems} href="/dashboard/accounts" />;
  const query = parsed.query;
  const [list, options, views] = await Promise.all([listAccounts(query, actor), accountFilterOptions(actor), listSavedViews(actor.id, "accounts")]);
  return (
    <>
      <PageHeader
        title="Accounts"
        description={listCountSentence(list, { one: "target account", many: "target accounts" }, event.name, query.q)}
        actions={
          <>
            <Button variant="outline" asChild>
              <Link href="/dashboard/accounts/import"><Upload aria-hidden /> Import CSV</Link>
            </Button>
            <NewRecordButton label="Add account" title="Add a target account" description={`It joins ${event.name}'s target list; everything else can be filled in on its page.`} endpoint="/api/accounts" fields={ACCOUNT_FIELDS} detailPath="/dashboard/accounts" />
          </>
        }
      />
      <AccountsList
        eventId={event.id}
        list={listPage(list, query)}
        industries={options.industries}
        team={options.team}
        views={views.map((v) => ({ id: v.id, name: v.name, query: v.query }))}
        timeZone={viewerTimeZone}
      />
    </>
  );
}
