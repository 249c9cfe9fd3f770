"use client";
import { DATA_SOURCE_LABELS, LAWFUL_BASIS_LABELS } from "@/lib/privacy-labels";
import { TRASH_DAYS } from "@/lib/trash";
import Link from "next/link";
import { useMemo } from "react";
import { createColumnHelper, type ColumnDef } from "@tanstack/react-table";
import { Mail, Users, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { FilterSearch, FilterSelect, FilterText, FilterToggles, SavedViews, useListUrl } from "@/components/data-table/list-controls";
import { AssigneeFilter, BulkAssign, BulkDelete, ENGAGEMENT_PARAMS, EngagementFilters, IcpRangeFilter, ListScreen, sharedColumns, type Engagement } from "@/components/data-table/list-screen";
import { PERSONA_LABELS, personaList } from "@/components/data-table/format";
import { TierBadge } from "@/components/scoring/score-badge";
import type { PersonaFlags } from "@/lib/personas";
import type { ListPage } from "@/lib/list-params";
import { labelOptions } from "@/lib/utils";

export type PersonRow = Engagement & PersonaFlags & {
  id: string;
  name: string;
  title: string | null;
  email: string | null;
  icpScore: number | null;
  lastActivityAt: string | null;
  account: { id: string; name: string; tier: string } | null;
  assignedTo: { id: string; name: string | null; email: string } | null;
};
type Teammate = { id: string; name: string | null; email: string };

/**
 * Bulk actions get the selected ids; `extraBulkActions` is the hook where "Enroll in sequence"
 * (built with sequences) plugs in without this list knowing about sequences.
 */
export type BulkAction = {
  label: string;
  /** An error to show, null for "done", or `{ silent: true }` when the action shows its own result (a dialog, a job). */
  run: (ids: string[]) => Promise<string | null | { silent: true }>;
};

const FILTERS = ["q", "persona", "tier", "assignedTo", "hasEmail", "rating", "tag", "icpMin", "icpMax", "accountId", "lawfulBasis", "dataSource", ...ENGAGEMENT_PARAMS];
const column = createColumnHelper<PersonRow>();

function peopleColumns(timeZone: string): ColumnDef<PersonRow, unknown>[] {
  const shared = sharedColumns<PersonRow>(timeZone, "hidden");
  return [
    column.accessor("name", {
      header: "Name",
      meta: { sort: "name", card: "title", className: "md:max-w-56" },
      cell: ({ row: { original: r } }) => (
        <>
          <Link prefetch={false} href={`/dashboard/people/${r.id}`} className="block truncate font-medium hover:underline">{r.name}</Link>
          <span className="flex items-center gap-1 truncate text-xs text-muted-foreground">{r.email ? <><Mail className="size-3" aria-hidden />{r.email}</> : "No email"}</span>
        </>
      ),
    }),
    shared.icpScore,
    column.accessor("title", { header: "Title", meta: { sort: "title", from: "lg", className: "max-w-56 truncate" }, cell: (c) => c.getValue() ?? <span className="text-muted-foreground">No title</span> }),
    column.accessor("account", {
      header: "Account",
      meta: { sort: "account", className: "md:max-w-48" },
      cell: (c) => {
        const a = c.getValue();
        return a ? (
          <span className="flex items-center gap-1.5">
            <TierBadge tier={a.tier} />
            <Link prefetch={false} href={`/dashboard/accounts/${a.id}`} className="truncate hover:underline">{a.name}</Link>
          </span>
        ) : <span className="text-muted-foreground">No account</span>;
      },
    }),
    shared.engagement,
    column.display({ id: "persona", header: "Persona", meta: { from: "xl" }, cell: ({ row }) => <span className="flex flex-wrap gap-1">{personaList(row.original).map((l) => <Badge key={l} variant="secondary">{l}</Badge>)}</span> }),
    shared.rep,
    shared.lastActivity,
  ] as ColumnDef<PersonRow, unknown>[];
}

export function PeopleList({ list, team, views, accountFilter, extraBulkActions = [], timeZone }: {
  list: ListPage<PersonRow>;
  team: Teammate[];
  views: { id: string; name: string; query: string }[];
  accountFilter: { id: string; name: string } | null;
  extraBulkActions?: BulkAction[];
  timeZone: string;
}) {
  const url = useListUrl();
  const columns = useMemo(() => peopleColumns(timeZone), [timeZone]);

  const filters = (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <FilterSearch url={url} label="Search people" placeholder="Search name, email, title, company" className="w-full sm:w-72" />
        {accountFilter ? (
          <Badge variant="outline" className="gap-1 py-1">
            {accountFilter.name}
            <button type="button" aria-label="Remove account filter" onClick={() => url.set({ accountId: null })} className="cursor-pointer"><X className="size-3" aria-hidden /></button>
          </Badge>
        ) : null}
        <div className="ml-auto flex items-center gap-2">
          <SavedViews url={url} scope="people" views={views} />
        </div>
      </div>
    </>
  );
  const moreFilters = (
    <>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <FilterToggles url={url} param="persona" label="Persona" options={labelOptions(PERSONA_LABELS)} buttonClassName="rounded-full px-3 font-medium" />
        <FilterToggles url={url} param="tier" label="Account tier" options={["A", "B", "C", "D"].map((t) => ({ value: t, label: t }))} />
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <AssigneeFilter url={url} id="p-rep" team={team} />
        <FilterSelect url={url} param="hasEmail" id="p-email" label="Email" anyLabel="With or without" options={[{ value: "true", label: "Has email" }, { value: "false", label: "No email" }]} />
        <FilterSelect url={url} param="rating" id="p-rating" label="Booth rating" anyLabel="Any" options={[{ value: "hot", label: "Hot" }, { value: "warm", label: "Warm" }, { value: "cold", label: "Cold" }]} />
        <FilterSelect url={url} param="lawfulBasis" id="p-basis" label="Lawful basis" anyLabel="Any" options={labelOptions(LAWFUL_BASIS_LABELS)} />
        <FilterSelect url={url} param="dataSource" id="p-source" label="Source" anyLabel="Any" options={labelOptions(DATA_SOURCE_LABELS)} />
        <FilterText url={url} param="tag" id="p-tag" label="Interest tag" placeholder="e.g. pilot" />
        <IcpRangeFilter url={url} idPrefix="p" />
        <EngagementFilters url={url} idPrefix="p" />
      </div>
    </>
  );

  return (
    <ListScreen
      url={url}
      list={list}
      columns={columns}
      filters={filters}
      moreFilters={moreFilters}
      filterParams={FILTERS}
      bulkEndpoint="/api/people/bulk"
      testId="people-table"
      empty={{ icon: Users, title: "No people in this event yet", filteredTitle: "No one matches these filters", hint: "Import contacts from a CSV or add them from an account." }}
      bulkActions={(bulk) => (
        <>
          <BulkAssign bulk={bulk} team={team} noun={(n) => (n === 1 ? "person" : "people")} />
          <NativeSelect aria-label="Set lawful basis" className="h-8 w-auto" value="" disabled={bulk.busy} onChange={(e) => e.target.value && bulk.apply({ action: "lawful_basis", lawfulBasis: e.target.value }, (n) => `Lawful basis set for ${n} ${n === 1 ? "person" : "people"}.`)}>
            <option value="">Lawful basis…</option>
            {Object.entries(LAWFUL_BASIS_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </NativeSelect>
          {extraBulkActions.map((a) => (
            <Button key={a.label} variant="outline" size="sm" disabled={bulk.busy} onClick={() => bulk.run(() => a.run(bulk.ids), `${a.label}: done.`)}>
              {a.label}
            </Button>
          ))}
          <BulkDelete
            bulk={bulk}
            confirm={{
              title: `Move ${bulk.ids.length} ${bulk.ids.length === 1 ? "person" : "people"} to the Trash?`,
              description: `Their sequences stop and queued messages are cancelled. One click in Settings → Trash puts everything back for ${TRASH_DAYS} days.`,
            }}
            body={() => ({})}
            done={(n) => `Deleted ${n} ${n === 1 ? "person" : "people"}.`}
          />
        </>
      )}
    />
  );
}
