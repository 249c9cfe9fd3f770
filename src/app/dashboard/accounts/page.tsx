import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { AccountsList } from "@/components/accounts/accounts-list";
import { ListError } from "@/components/data-table/list-error";
import { accountFilterOptions, listAccounts, listAccountsQuery } from "@/server/accounts/service";
import { listSavedViews } from "@/server/saved-views/service";
import { getActor } from "@/server/access/page-actor";
import { EmptyState } from "@/components/ui/empty-state";
import { Building2, Upload } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ACCOUNT_FIELDS, NewRecordButton } from "@/components/records/new-record-button";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getActor();
  if (!actor.event) {
    return (
      <>
        <PageHeader title="Accounts" />
        <EmptyState icon={Building2} title="No event yet">Create an event to start adding target accounts.</EmptyState>
      </>
    );
  }
  const { event } = actor;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = listAccountsQuery.safeParse({ ...raw, eventId: event.id });
  if (!parsed.success) {
    return (
      <>
        <PageHeader title="Accounts" />
        <ListError issues={parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)} href="/dashboard/accounts" />
      </>
    );
  }
  const query = parsed.data;
  const [list, options, views] = await Promise.all([listAccounts(query, actor), accountFilterOptions(actor), listSavedViews(actor.id, "accounts")]);
  return (
    <>
      <PageHeader
        title="Accounts"
        description={`${list.total.toLocaleString("en-US")} target account${list.total === 1 ? "" : "s"} at ${event.name}`}
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
        rows={list.items.map((r) => ({ ...r, lastActivityAt: r.lastActivityAt?.toISOString() ?? null }))}
        total={list.total}
        page={list.page}
        pageSize={list.pageSize}
        sort={query.sort}
        dir={query.dir}
        industries={options.industries}
        team={options.team}
        views={views.map((v) => ({ id: v.id, name: v.name, query: v.query }))}
      />
    </>
  );
}
