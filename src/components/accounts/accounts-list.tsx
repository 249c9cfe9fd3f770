"use client";
import { TRASH_DAYS } from "@/lib/trash";
import Link from "next/link";
import { useMemo, useRef, useState } from "react";
import { createColumnHelper, type ColumnDef } from "@tanstack/react-table";
import { Building2, Loader2, Sparkles, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { NativeSelect } from "@/components/ui/native-select";
import { FilterSearch, FilterSelect, FilterToggles, SavedViews, useListUrl } from "@/components/data-table/list-controls";
import { AssigneeFilter, BulkAssign, BulkDelete, ENGAGEMENT_PARAMS, EngagementFilters, IcpRangeFilter, ListScreen, sharedColumns, type BulkContext, type Engagement } from "@/components/data-table/list-screen";
import { formatNumber, STATUS_LABELS } from "@/components/data-table/format";
import { TierBadge } from "@/components/scoring/score-badge";
import type { ListPage } from "@/lib/list-params";
import { announceJob, JobProgress, type JobView } from "@/components/jobs/job-progress";
import { apiFetch } from "@/lib/api-client";
import { labelOptions } from "@/lib/utils";

export type AccountRow = Engagement & {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  headquarters: string | null;
  employeeCount: number | null;
  facilityCount: number | null;
  tier: string;
  status: string;
  icpScore: number | null;
  lastActivityAt: string | null;
  peopleCount: number;
  assignedTo: { id: string; name: string | null; email: string } | null;
};
type Teammate = { id: string; name: string | null; email: string };

const TIERS = ["A", "B", "C", "D"];
const STAGE_LABELS: Record<string, string> = { contacted: "Contacted", replied: "Replied", meeting: "Meeting booked", won: "Won" };
const FILTERS = ["q", "tier", "status", "industry", "assignedTo", "icpMin", "icpMax", "stage", ...ENGAGEMENT_PARAMS];
const STATUS_OPTIONS = labelOptions(STATUS_LABELS);

const column = createColumnHelper<AccountRow>();

function accountColumns(timeZone: string): ColumnDef<AccountRow, unknown>[] {
  const shared = sharedColumns<AccountRow>(timeZone);
  return [
    column.accessor("name", {
      header: "Account",
      meta: { sort: "name", card: "title", className: "md:max-w-64" },
      cell: ({ row: { original: r } }) => (
        <>
          <Link prefetch={false} href={`/dashboard/accounts/${r.id}`} className="block truncate font-medium hover:underline">{r.name}</Link>
          <span className="block truncate text-xs text-muted-foreground">{r.domain ?? r.headquarters ?? ""}</span>
        </>
      ),
    }),
    shared.icpScore,
    column.accessor("tier", { header: "Tier", meta: { sort: "tier" }, cell: (c) => <TierBadge tier={c.getValue()} /> }),
    column.accessor("status", { header: "Status", meta: { sort: "status", className: "whitespace-nowrap" }, cell: (c) => STATUS_LABELS[c.getValue()] }),
    shared.engagement,
    column.accessor("industry", { header: "Industry", meta: { sort: "industry", from: "lg", card: "hidden", className: "max-w-40 truncate text-muted-foreground" }, cell: (c) => c.getValue() ?? "—" }),
    column.accessor("peopleCount", { header: "People", meta: { sort: "people", from: "lg", className: "md:text-right tabular-nums" }, cell: (c) => <span><span className="md:hidden">People: </span>{c.getValue()}</span> }),
    column.accessor("employeeCount", { header: "Employees", meta: { sort: "employeeCount", from: "2xl", card: "hidden", className: "text-right tabular-nums" }, cell: (c) => formatNumber(c.getValue()) }),
    column.accessor("facilityCount", { header: "Sites", meta: { sort: "facilityCount", from: "2xl", card: "hidden", className: "text-right tabular-nums" }, cell: (c) => formatNumber(c.getValue()) }),
    shared.rep,
    shared.lastActivity,
  ] as ColumnDef<AccountRow, unknown>[];
}

export function AccountsList({ eventId, list, industries, team, views, timeZone }: {
  eventId: string;
  list: ListPage<AccountRow>;
  industries: string[];
  team: Teammate[];
  views: { id: string; name: string; query: string }[];
  timeZone: string;
}) {
  const url = useListUrl();
  const columns = useMemo(() => accountColumns(timeZone), [timeZone]);
  const [scoring, setScoring] = useState<{ busy: boolean; text: string | null; error?: boolean }>({ busy: false, text: null });
  const stage = url.get("stage");

  /** Rescoring a whole event is a background job; its progress shows above the list. */
  async function rescoreAll() {
    setScoring({ busy: true, text: null });
    const res = await apiFetch<{ job: JobView }>("/api/ai/score-icp", { method: "POST", body: { eventId } });
    if (!res.success) return setScoring({ busy: false, text: res.error, error: true });
    setScoring({ busy: false, text: null });
    announceJob(res.data.job);
  }

  const filters = (
    <>
      <JobProgress kind="rescore" title="Rescoring" />
      <div className="flex flex-wrap items-center gap-2">
        <FilterSearch url={url} label="Search accounts" placeholder="Search name, domain, industry" className="w-full sm:w-72" />
        <FilterToggles url={url} param="tier" label="Tier" options={TIERS.map((t) => ({ value: t, label: t }))} buttonClassName="w-9 text-sm" />
        {stage ? (
          <Badge variant="outline" className="gap-1 py-1" data-testid="stage-filter">
            Funnel: reached {STAGE_LABELS[stage] ?? stage}
            <button type="button" aria-label="Remove the funnel filter" onClick={() => url.set({ stage: null })} className="cursor-pointer"><X className="size-3" aria-hidden /></button>
          </Badge>
        ) : null}
        <div className="ml-auto flex items-center gap-2">
          <SavedViews url={url} scope="accounts" views={views} />
          <Button variant="outline" size="sm" onClick={rescoreAll} disabled={scoring.busy} title="Recompute the ICP score of every account and person in this event">
            {scoring.busy ? <Loader2 className="animate-spin" aria-hidden /> : <Sparkles aria-hidden />} Rescore all
          </Button>
        </div>
      </div>
      {scoring.text ? <p role={scoring.error ? "alert" : "status"} className={scoring.error ? "text-sm text-destructive" : "text-sm text-muted-foreground"}>{scoring.text}</p> : null}
    </>
  );
  const moreFilters = (
    <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
      <FilterSelect url={url} param="status" id="f-status" label="Status" anyLabel="Any status" options={STATUS_OPTIONS} />
      <FilterSelect url={url} param="industry" id="f-industry" label="Industry" anyLabel="Any industry" options={industries.map((i) => ({ value: i, label: i }))} />
      <AssigneeFilter url={url} id="f-rep" team={team} />
      <IcpRangeFilter url={url} idPrefix="f" />
      <EngagementFilters url={url} idPrefix="f" />
    </div>
  );

  return (
    <ListScreen
      url={url}
      list={list}
      columns={columns}
      filters={filters}
      moreFilters={moreFilters}
      filterParams={FILTERS}
      bulkEndpoint="/api/accounts/bulk"
      testId="accounts-table"
      empty={{ icon: Building2, title: "No accounts in this event yet", filteredTitle: "No account matches these filters", hint: "Import a CSV of target accounts or add them one by one." }}
      bulkActions={(bulk) => (
        <>
          <BulkAssign bulk={bulk} team={team} noun={(n) => (n === 1 ? "account" : "accounts")} />
          <NativeSelect aria-label="Set tier" className="h-8 w-auto" value="" disabled={bulk.busy} onChange={(e) => e.target.value && bulk.apply({ action: "setTier", tier: e.target.value }, (n) => `Updated the tier of ${n} account${n === 1 ? "" : "s"}.`)}>
            <option value="">Set tier…</option>
            {TIERS.map((t) => <option key={t} value={t}>Tier {t}</option>)}
          </NativeSelect>
          <NativeSelect aria-label="Set status" className="h-8 w-auto" value="" disabled={bulk.busy} onChange={(e) => e.target.value && bulk.apply({ action: "setStatus", status: e.target.value }, (n) => `Updated the status of ${n} account${n === 1 ? "" : "s"}.`)}>
            <option value="">Set status…</option>
            {STATUS_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </NativeSelect>
          <DeleteAccounts bulk={bulk} />
        </>
      )}
    />
  );
}

/** Bulk delete asks first, and whether their people go too. */
function DeleteAccounts({ bulk }: { bulk: BulkContext }) {
  // Read when the dialog's Delete is pressed, not when the dialog opened.
  const withPeople = useRef(false);
  const n = bulk.ids.length;
  return (
    <BulkDelete
      bulk={bulk}
      onOpen={() => (withPeople.current = false)}
      confirm={{
        title: `Move ${n} account${n === 1 ? "" : "s"} to the Trash?`,
        description: (
          <span className="grid gap-3">
            <span>They leave every list at once; one click in Settings → Trash restores them for {TRASH_DAYS} days. Their people stay in the event without an account, unless you tick the box.</span>
            <label className="flex items-center gap-2 text-foreground">
              <Checkbox defaultChecked={false} onCheckedChange={(c) => (withPeople.current = c === true)} /> Also move their people to the Trash (their sequences stop)
            </label>
          </span>
        ),
      }}
      body={() => ({ deletePeople: withPeople.current })}
      done={(count) => `Deleted ${count} account${count === 1 ? "" : "s"}.`}
    />
  );
}
