import type { Metadata } from "next";
import { Users } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { NewRecordButton, PERSON_FIELDS } from "@/components/records/new-record-button";
import { NoEvent } from "@/components/ui/empty-state";
import { ListError } from "@/components/data-table/list-error";
import { PeopleListWithEnroll } from "@/components/sequences/enroll";
import { accountFilterOptions, getAccountOrThrow } from "@/server/accounts/service";
import { listPeople, listPeopleQuery } from "@/server/people/service";
import { listSavedViews } from "@/server/saved-views/service";
import { activeSequenceOptions } from "@/server/sequences/service";
import { getActor, getViewerTimeZone } from "@/server/access/page-actor";
import { listCountSentence, listPage, parseListParams, type SearchParams } from "@/lib/list-params";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [actor, viewerTimeZone] = await Promise.all([getActor(), getViewerTimeZone()]);
  if (!actor.event) return <NoEvent title="People" icon={Users}>Create an event to start adding people.</NoEvent>;
  const { event } = actor;
  const parsed = parseListParams(await searchParams, listPeopleQuery, { eventId: event.id });
  if (!parsed.ok) return <ListError title="People" issues={parsed.problems} href="/dashboard/people" />;
  const query = parsed.query;
  const [list, options, views, account, sequences] = await Promise.all([
    listPeople(query, actor),
    accountFilterOptions(actor),
    listSavedViews(actor.id, "people"),
    query.accountId ? getAccountOrThrow(query.accountId, actor).catch(() => null) : Promise.resolve(null),
    activeSequenceOptions(actor),
  ]);
  return (
    <>
      <PageHeader
        title="People"
        description={listCountSentence(list, { one: "person", many: "people" }, event.name, query.q)}
        actions={<NewRecordButton label="Add person" title="Add a person" description="Add a contact; link them to an account from their page." endpoint="/api/people" fields={PERSON_FIELDS} detailPath="/dashboard/people" />}
      />
      <PeopleListWithEnroll
        sequences={sequences}
        list={listPage(list, query)}
        timeZone={viewerTimeZone}
        team={options.team}
        views={views.map((v) => ({ id: v.id, name: v.name, query: v.query }))}
        accountFilter={account ? { id: account.id, name: account.name } : null}
      />
    </>
  );
}
