"use client";
import { ClearFilters, FilterDate, FilterSearch, FilterSelect, Pagination, useListUrl } from "@/components/data-table/list-controls";
import { CHANNEL_LABEL, STATUS_LABEL } from "@/components/outreach/format";
import { labelOptions } from "@/lib/utils";

const FILTERS = ["q", "status", "channel", "ownerId", "campaignId", "from", "to", "engagement", "personId"];

/** The outreach list's filters: the same controls and URL behaviour as every list (no Apply button). */
export function OutreachFilters({ reps, campaigns }: { reps: { id: string; name: string | null; email: string }[]; campaigns: { id: string; name: string }[] }) {
  const url = useListUrl();
  return (
    <div className="grid gap-2 rounded-lg border bg-card p-3 shadow-sm" data-testid="list-filters">
      <div className="flex flex-wrap items-center gap-2">
        <FilterSearch url={url} label="Search subject, person or company" placeholder="Search subject, person or company" className="w-full sm:w-80" />
        <div className="ml-auto"><ClearFilters url={url} params={FILTERS} /></div>
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        <FilterSelect url={url} param="status" id="o-status" label="Status" anyLabel="Any status" options={labelOptions(STATUS_LABEL)} />
        <FilterSelect url={url} param="channel" id="o-channel" label="Channel" anyLabel="Any channel" options={labelOptions(CHANNEL_LABEL)} />
        <FilterSelect url={url} param="engagement" id="o-engagement" label="Engagement" anyLabel="Any" options={[{ value: "opened", label: "Opened" }, { value: "clicked", label: "Clicked" }, { value: "replied", label: "Replied" }, { value: "bounced", label: "Bounced" }]} />
        <FilterSelect url={url} param="ownerId" id="o-rep" label="Rep" anyLabel="Any rep" options={reps.map((r) => ({ value: r.id, label: r.name ?? r.email }))} />
        <FilterSelect url={url} param="campaignId" id="o-campaign" label="Campaign" anyLabel="Any campaign" options={campaigns.map((c) => ({ value: c.id, label: c.name }))} />
        <FilterDate url={url} param="from" id="o-from" label="Sent or written from" />
        <FilterDate url={url} param="to" id="o-to" label="Sent or written until" />
      </div>
    </div>
  );
}

export function OutreachPagination({ page, pageSize, total, moreThanTotal = false }: { page: number; pageSize: number; total: number; moreThanTotal?: boolean }) {
  const url = useListUrl();
  return <Pagination url={url} page={page} pageSize={pageSize} total={total} moreThanTotal={moreThanTotal} />;
}
