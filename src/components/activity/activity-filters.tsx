"use client";
import { X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { ClearFilters, FilterSearch, FilterSelect, useListUrl } from "@/components/data-table/list-controls";
import { formatCount } from "@/lib/numbers";

const FILTERS = ["type", "actorId", "q", "accountId", "personId"];

/** The activity log's filters: the same controls and URL behaviour as every list. */
export function ActivityFilters({ types, members, scopeLabel }: { types: { type: string; count: number }[]; members: { id: string; name: string }[]; scopeLabel: string | null }) {
  const url = useListUrl();
  const domains = [...new Set(types.map((t) => t.type.split(".")[0]))];
  const typeOptions = domains.flatMap((d) => [
    { value: `${d}.`, label: `All ${d} activity`, group: d },
    ...types.filter((t) => t.type.startsWith(`${d}.`) || t.type === d).map((t) => ({ value: t.type, label: `${t.type} (${formatCount(t.count)})`, group: d })),
  ]);
  return (
    <div className="grid gap-3" aria-label="Filter activity" role="group">
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3 [&>*]:min-w-0">
        <FilterSelect url={url} param="type" id="a-type" label="Type" anyLabel="All types" options={typeOptions} />
        <FilterSelect url={url} param="actorId" id="a-actor" label="Who" anyLabel="Anyone" options={[{ value: "system", label: "Prospects and system" }, ...members.map((m) => ({ value: m.id, label: m.name }))]} />
        <div className="grid gap-1">
          <span className="text-xs text-muted-foreground">Account or person</span>
          <FilterSearch url={url} label="Account or person" placeholder="e.g. Acme" />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {scopeLabel ? (
          <Badge variant="outline" className="gap-1 py-1">
            {scopeLabel}
            <button type="button" aria-label="Show everyone's history" onClick={() => url.set({ accountId: null, personId: null })} className="cursor-pointer"><X className="size-3" aria-hidden /></button>
          </Badge>
        ) : null}
        <div className="ml-auto"><ClearFilters url={url} params={FILTERS} /></div>
      </div>
    </div>
  );
}
