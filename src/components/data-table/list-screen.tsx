"use client";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { createColumnHelper, type ColumnDef } from "@tanstack/react-table";
import { SlidersHorizontal, Trash2, type LucideIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/data-table/relative-time";
import { DataTable } from "@/components/data-table/data-table";
import { ClearFilters, FilterNumber, FilterSelect, Pagination, useListUrl } from "@/components/data-table/list-controls";
import { ScoreBadge } from "@/components/scoring/score-badge";
import { NativeSelect } from "@/components/ui/native-select";
import { useConfirm, type ConfirmOptions } from "@/components/ui/confirm-dialog";
import { FormMessage, type FormMessageValue } from "@/components/ui/form-message";
import { apiFetch } from "@/lib/api-client";
import { cn } from "@/lib/utils";
import type { ListPage } from "@/lib/list-params";

type Url = ReturnType<typeof useListUrl>;

/** What a bulk action needs: the selection, a way to call the API and report, and a confirm dialog. */
export type BulkContext = {
  ids: string[];
  busy: boolean;
  /** POSTs `body` (with the ids) to the bulk endpoint; `done(count)` is the sentence shown after. Returns the failure (for a dialog to show). */
  post: (body: Record<string, unknown>, done: (count: number) => string) => Promise<string | null>;
  /** `post`, with a failure shown above the list. */
  apply: (body: Record<string, unknown>, done: (count: number) => string) => Promise<void>;
  /** Runs `action`; `{ silent: true }` means it shows its own result (a dialog, a background job). */
  run: (action: () => Promise<string | null | { silent: true }>, done: string) => Promise<void>;
  confirm: (options: ConfirmOptions, run: () => Promise<string | null>) => void;
};

/**
 * One list screen (accounts, people): the filter card, the outcome message, the bulk bar for the
 * selection, the table (or an empty state that says whether filters are the reason) and the
 * pagination, all driven by the URL (useListUrl). The two lists only declare their columns,
 * filters and bulk actions.
 */
export function ListScreen<T extends { id: string; name: string }>({ url, list, columns, filters, moreFilters, filterParams, bulkEndpoint, bulkActions, empty, testId }: {
  url: Url;
  list: ListPage<T>;
  columns: ColumnDef<T, unknown>[];
  filters: ReactNode;
  /** Shown on wider screens; on a phone behind "More filters", so the list starts on the first screen. */
  moreFilters?: ReactNode;
  filterParams: string[];
  bulkEndpoint: string;
  bulkActions: (ctx: BulkContext) => ReactNode;
  empty: { icon: LucideIcon; title: string; filteredTitle: string; hint: string };
  testId: string;
}) {
  const { rows, total, moreThanTotal, page, pageSize, sort, dir } = list;
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<FormMessageValue>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, ask] = useConfirm();
  const [showMore, setShowMore] = useState(false);
  const active = filterParams.filter((p) => url.get(p)).length;
  const filtered = active > 0;

  async function run(action: () => Promise<string | null | { silent: true }>, done: string) {
    setBusy(true);
    setMessage(null);
    const error = await action();
    setBusy(false);
    if (error && typeof error === "object") return;
    if (error) return setMessage({ kind: "error", text: error });
    setMessage({ kind: "ok", text: done });
    setSelected(new Set());
    router.refresh();
  }
  const ctx: BulkContext = {
    ids: [...selected],
    busy,
    post: async (body, done) => {
      setBusy(true);
      setMessage(null);
      const res = await apiFetch<{ count: number }>(bulkEndpoint, { method: "POST", body: { ids: [...selected], ...body } });
      setBusy(false);
      if (!res.success) return res.error;
      setMessage({ kind: "ok", text: done(res.data.count) });
      setSelected(new Set());
      router.refresh();
      return null;
    },
    apply: async (body, done) => {
      const error = await ctx.post(body, done);
      if (error) setMessage({ kind: "error", text: error });
    },
    run,
    confirm: (options, action) => ask(options, action),
  };

  return (
    <div className="grid min-w-0 gap-4">
      <div className="grid gap-3 rounded-lg border bg-card p-3 shadow-sm" data-testid="list-filters">
        {filters}
        {moreFilters ? (
          <>
            <Button variant="outline" size="sm" className="justify-self-start md:hidden" aria-expanded={showMore} onClick={() => setShowMore((v) => !v)}>
              <SlidersHorizontal aria-hidden /> {showMore ? "Fewer filters" : `More filters${active ? ` (${active} set)` : ""}`}
            </Button>
            <div className={cn(showMore ? "grid" : "hidden", "gap-3 md:grid")}>{moreFilters}</div>
          </>
        ) : null}
        <div className="flex justify-end empty:hidden"><ClearFilters url={url} params={filterParams} /></div>
      </div>

      <FormMessage message={message} />

      {selected.size > 0 ? (
        <div className="sticky top-16 z-10 flex flex-wrap items-center gap-2 rounded-lg border border-primary/30 bg-accent p-2 text-sm shadow-sm" data-testid="bulk-bar">
          <span className="px-1 font-medium">{selected.size} selected</span>
          {bulkActions(ctx)}
          <Button variant="ghost" size="sm" onClick={() => setSelected(new Set())}>Clear selection</Button>
        </div>
      ) : null}

      {rows.length === 0 ? (
        <EmptyState icon={empty.icon} title={filtered ? empty.filteredTitle : empty.title}>
          {filtered ? "Loosen a filter or clear them all." : empty.hint}
        </EmptyState>
      ) : (
        <DataTable
          rows={rows}
          columns={columns}
          sort={sort}
          dir={dir}
          onSort={(column, d) => url.set({ sort: column, dir: d })}
          selected={selected}
          onSelectedChange={setSelected}
          rowLabel={(row) => row.name}
          testId={testId}
          dimmed={url.pending}
        />
      )}
      <Pagination url={url} page={page} pageSize={pageSize} total={total} moreThanTotal={moreThanTotal} />
      {dialog}
    </div>
  );
}

export type Engagement = { contacted: boolean; replied: boolean; hasMeeting: boolean; lastTouchedAt: string | null };

/** Where a record stands with the team, beside its status: the furthest step, and when it was last touched. */
function EngagementCell({ row, timeZone }: { row: Engagement; timeZone: string }) {
  const state = row.hasMeeting ? { label: "Meeting", variant: "success" as const } : row.replied ? { label: "Replied", variant: "default" as const } : row.contacted ? { label: "Contacted", variant: "secondary" as const } : { label: "Not contacted", variant: "outline" as const };
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5 whitespace-nowrap" data-testid="engagement">
      <Badge variant={state.variant}>{state.label}</Badge>
      {row.lastTouchedAt ? <span className="text-xs text-muted-foreground"><RelativeTime value={row.lastTouchedAt} timeZone={timeZone} /></span> : null}
    </span>
  );
}

const YES_NO = [{ value: "yes", label: "Yes" }, { value: "no", label: "Not yet" }];
export const ENGAGEMENT_PARAMS = ["contacted", "replied", "meeting", "touched"];

/** The engagement filters both lists share. */
export function EngagementFilters({ url, idPrefix }: { url: Url; idPrefix: string }) {
  return (
    <>
      <FilterSelect url={url} param="contacted" id={`${idPrefix}-contacted`} label="Contacted" anyLabel="Either" options={YES_NO} />
      <FilterSelect url={url} param="replied" id={`${idPrefix}-replied`} label="Replied" anyLabel="Either" options={YES_NO} />
      <FilterSelect url={url} param="meeting" id={`${idPrefix}-meeting`} label="Meeting booked" anyLabel="Either" options={YES_NO} />
      <FilterSelect
        url={url}
        param="touched"
        id={`${idPrefix}-touched`}
        label="Last touched"
        anyLabel="Any time"
        options={[
          { value: "7d", label: "In the last 7 days" },
          { value: "30d", label: "In the last 30 days" },
          { value: "over30d", label: "More than 30 days ago" },
          { value: "never", label: "Never" },
        ]}
      />
    </>
  );
}

/** The ICP score range filter both lists share. */
export function IcpRangeFilter({ url, idPrefix }: { url: Url; idPrefix: string }) {
  return (
    <>
      <FilterNumber url={url} param="icpMin" id={`${idPrefix}-icpmin`} label="ICP from" min={0} max={100} placeholder="0" />
      <FilterNumber url={url} param="icpMax" id={`${idPrefix}-icpmax`} label="ICP to" min={0} max={100} placeholder="100" />
    </>
  );
}

type Teammate = { id: string; name: string | null; email: string };

/** What a row needs for the columns both lists share. */
type SharedRow = Engagement & { icpScore: number | null; lastActivityAt: string | null; assignedTo: Teammate | null };

/**
 * The columns both lists share, by name, so each list places them among its own: the ICP score,
 * engagement, the assigned rep (`repCard`: whether a phone's card shows it) and last activity.
 */
export function sharedColumns<T extends SharedRow>(timeZone: string, repCard?: "hidden") {
  const column = createColumnHelper<SharedRow>();
  const columns = {
    icpScore: column.accessor("icpScore", { header: "ICP", meta: { sort: "icpScore" }, cell: (c) => <ScoreBadge score={c.getValue()} /> }),
    engagement: column.display({ id: "engagement", header: "Engagement", meta: { sort: "lastTouchedAt" }, cell: ({ row }) => <EngagementCell row={row.original} timeZone={timeZone} /> }),
    rep: column.accessor("assignedTo", {
      header: "Rep",
      meta: { from: "xl", card: repCard, className: "max-w-32 truncate" },
      cell: (c) => { const u = c.getValue(); return u ? (u.name ?? u.email) : <span className="text-muted-foreground">Unassigned</span>; },
    }),
    lastActivity: column.accessor("lastActivityAt", { header: "Last activity", meta: { sort: "lastActivityAt", from: "2xl", card: "hidden", className: "whitespace-nowrap text-muted-foreground" }, cell: (c) => <RelativeTime value={c.getValue()} timeZone={timeZone} /> }),
  };
  return columns as unknown as Record<keyof typeof columns, ColumnDef<T, unknown>>;
}

/** The "Assigned rep" filter both lists share: me, nobody, or a teammate. */
export function AssigneeFilter({ url, id, team }: { url: Url; id: string; team: readonly Teammate[] }) {
  return <FilterSelect url={url} param="assignedTo" id={id} label="Assigned rep" anyLabel="Anyone" options={[{ value: "me", label: "Me" }, { value: "unassigned", label: "Unassigned" }, ...team.map((u) => ({ value: u.id, label: u.name ?? u.email }))]} />;
}

/** The bulk Delete both lists share: asks first (`confirm` says what happens), then posts `body` with the selection. */
export function BulkDelete({ bulk, confirm, body, done, onOpen }: {
  bulk: BulkContext;
  confirm: Pick<ConfirmOptions, "title" | "description">;
  /** Read when the dialog's Delete is pressed, so it can carry the dialog's choices. */
  body: () => Record<string, unknown>;
  done: (count: number) => string;
  onOpen?: () => void;
}) {
  return (
    <Button
      variant="outline"
      size="sm"
      className="text-destructive"
      disabled={bulk.busy}
      onClick={() => {
        onOpen?.();
        bulk.confirm({ ...confirm, confirmLabel: "Delete", destructive: true }, () => bulk.post({ action: "delete", ...body() }, done));
      }}
    >
      <Trash2 aria-hidden /> Delete
    </Button>
  );
}

/** The bulk "Assign to…" both lists share; `noun(n)` names n records in the sentence shown after. */
export function BulkAssign({ bulk, team, noun }: { bulk: BulkContext; team: readonly Teammate[]; noun: (n: number) => string }) {
  return (
    <NativeSelect aria-label="Assign to" className="h-8 w-auto" value="" disabled={bulk.busy} onChange={(e) => e.target.value && bulk.apply({ action: "assign", assignedToId: e.target.value === "none" ? null : e.target.value }, (n) => `Reassigned ${n} ${noun(n)}.`)}>
      <option value="">Assign to…</option>
      <option value="none">Nobody</option>
      {team.map((u) => <option key={u.id} value={u.id}>{u.name ?? u.email}</option>)}
    </NativeSelect>
  );
}
