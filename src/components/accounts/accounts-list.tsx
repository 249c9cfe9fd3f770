"use client";
import { TRASH_DAYS } from "@/lib/trash";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Building2, Loader2, Sparkles, Trash2, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FilterField, Pagination, SavedViews, SearchBox, SortHeader, useUrlParams } from "@/components/data-table/list-controls";
import { formatNumber, STATUS_LABELS } from "@/components/data-table/format";
import { RelativeTime } from "@/components/data-table/relative-time";
import { ScoreBadge, TierBadge } from "@/components/scoring/score-badge";
import { announceJob, JobProgress, type JobView } from "@/components/jobs/job-progress";
import { apiFetch } from "@/lib/api-client";
import { cn } from "@/lib/utils";

export type AccountRow = {
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

export function AccountsList({ eventId, rows, total, page, pageSize, sort, dir, industries, team, views }: {
  eventId: string;
  rows: AccountRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  dir: "asc" | "desc";
  industries: string[];
  team: Teammate[];
  views: { id: string; name: string; query: string }[];
}) {
  const router = useRouter();
  const { params, set, replaceAll, pending } = useUrlParams();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deletePeople, setDeletePeople] = useState(false);

  const tiers = (params.get("tier") ?? "").split(",").filter(Boolean);
  const filterCount = ["q", "tier", "status", "industry", "assignedTo", "icpMin", "icpMax"].filter((k) => params.get(k)).length;
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someOnPage = rows.some((r) => selected.has(r.id));

  function toggleTier(t: string) {
    const next = tiers.includes(t) ? tiers.filter((x) => x !== t) : [...tiers, t].sort();
    set({ tier: next.join(",") });
  }

  async function bulk(body: Record<string, unknown>, done: string) {
    setBusy(true);
    setMessage(null);
    const res = await apiFetch<{ count: number }>("/api/accounts/bulk", { method: "POST", body: { ids: [...selected], ...body } });
    setBusy(false);
    if (!res.success) return setMessage({ kind: "error", text: res.error });
    setMessage({ kind: "ok", text: `${done} ${res.data.count} account${res.data.count === 1 ? "" : "s"}.` });
    setSelected(new Set());
    router.refresh();
  }

  /** Rescoring a whole event is a background job; its progress shows above the list. */
  async function rescoreAll() {
    setBusy(true);
    setMessage(null);
    const res = await apiFetch<{ job: JobView }>("/api/ai/score-icp", { method: "POST", body: { eventId } });
    setBusy(false);
    if (!res.success) return setMessage({ kind: "error", text: res.error });
    announceJob(res.data.job);
  }

  const onSort = (column: string, d: "asc" | "desc") => set({ sort: column, dir: d });

  return (
    <div className="grid gap-4">
      <JobProgress kind="rescore" title="Rescoring" />
      <div className="grid gap-3 rounded-lg border bg-card p-3 shadow-sm">
        <div className="flex flex-wrap items-center gap-2">
          <SearchBox value={params.get("q") ?? ""} onChange={(q) => set({ q })} placeholder="Search name, domain, industry" />
          <div className="flex items-center gap-1" role="group" aria-label="Tier">
            {TIERS.map((t) => (
              <button
                key={t}
                type="button"
                aria-pressed={tiers.includes(t)}
                onClick={() => toggleTier(t)}
                className={cn("h-9 w-9 cursor-pointer rounded-md border text-sm font-semibold", tiers.includes(t) ? "border-primary bg-primary text-primary-foreground" : "bg-card hover:bg-muted")}
              >
                {t}
              </button>
            ))}
          </div>
          <div className="ml-auto flex items-center gap-2">
            {filterCount > 0 ? (
              <Button variant="ghost" size="sm" onClick={() => replaceAll("")}>
                <X aria-hidden /> Clear filters
              </Button>
            ) : null}
            <SavedViews scope="accounts" views={views} currentQuery={params.toString()} onApply={replaceAll} />
            <Button variant="outline" size="sm" onClick={rescoreAll} disabled={busy} title="Recompute the ICP score of every account and person in this event">
              {busy ? <Loader2 className="animate-spin" aria-hidden /> : <Sparkles aria-hidden />} Rescore all
            </Button>
          </div>
        </div>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
          <FilterField label="Status" htmlFor="f-status">
            <Select id="f-status" value={params.get("status") ?? ""} onChange={(e) => set({ status: e.target.value })}>
              <option value="">Any status</option>
              {Object.entries(STATUS_LABELS).map(([v, l]) => (
                <option key={v} value={v}>{l}</option>
              ))}
            </Select>
          </FilterField>
          <FilterField label="Industry" htmlFor="f-industry">
            <Select id="f-industry" value={params.get("industry") ?? ""} onChange={(e) => set({ industry: e.target.value })}>
              <option value="">Any industry</option>
              {industries.map((i) => (
                <option key={i} value={i}>{i}</option>
              ))}
            </Select>
          </FilterField>
          <FilterField label="Assigned rep" htmlFor="f-rep">
            <Select id="f-rep" value={params.get("assignedTo") ?? ""} onChange={(e) => set({ assignedTo: e.target.value })}>
              <option value="">Anyone</option>
              <option value="me">Me</option>
              <option value="unassigned">Unassigned</option>
              {team.map((u) => (
                <option key={u.id} value={u.id}>{u.name ?? u.email}</option>
              ))}
            </Select>
          </FilterField>
          <FilterField label="ICP from" htmlFor="f-icpmin">
            <Input id="f-icpmin" type="number" min={0} max={100} inputMode="numeric" defaultValue={params.get("icpMin") ?? ""} key={`min-${params.get("icpMin")}`} onBlur={(e) => set({ icpMin: e.target.value })} onKeyDown={(e) => e.key === "Enter" && set({ icpMin: e.currentTarget.value })} placeholder="0" />
          </FilterField>
          <FilterField label="ICP to" htmlFor="f-icpmax">
            <Input id="f-icpmax" type="number" min={0} max={100} inputMode="numeric" defaultValue={params.get("icpMax") ?? ""} key={`max-${params.get("icpMax")}`} onBlur={(e) => set({ icpMax: e.target.value })} onKeyDown={(e) => e.key === "Enter" && set({ icpMax: e.currentTarget.value })} placeholder="100" />
          </FilterField>
        </div>
      </div>

      {message ? (
        <p role={message.kind === "error" ? "alert" : "status"} className={cn("rounded-md px-3 py-2 text-sm", message.kind === "error" ? "bg-destructive/10 text-destructive" : "bg-success/10 text-success")}>
          {message.text}
        </p>
      ) : null}

      {selected.size > 0 ? (
        <div className="sticky top-2 z-10 flex flex-wrap items-center gap-2 rounded-lg border border-primary/30 bg-accent p-2 text-sm shadow-sm" data-testid="bulk-bar">
          <span className="px-1 font-medium">{selected.size} selected</span>
          <Select aria-label="Assign to" className="h-8 w-auto" value="" disabled={busy} onChange={(e) => e.target.value && bulk({ action: "assign", assignedToId: e.target.value === "none" ? null : e.target.value }, "Reassigned")}>
            <option value="">Assign to…</option>
            <option value="none">Nobody</option>
            {team.map((u) => (
              <option key={u.id} value={u.id}>{u.name ?? u.email}</option>
            ))}
          </Select>
          <Select aria-label="Set tier" className="h-8 w-auto" value="" disabled={busy} onChange={(e) => e.target.value && bulk({ action: "setTier", tier: e.target.value }, "Updated the tier of")}>
            <option value="">Set tier…</option>
            {TIERS.map((t) => (
              <option key={t} value={t}>Tier {t}</option>
            ))}
          </Select>
          <Select aria-label="Set status" className="h-8 w-auto" value="" disabled={busy} onChange={(e) => e.target.value && bulk({ action: "setStatus", status: e.target.value }, "Updated the status of")}>
            <option value="">Set status…</option>
            {Object.entries(STATUS_LABELS).map(([v, l]) => (
              <option key={v} value={v}>{l}</option>
            ))}
          </Select>
          <Button variant="outline" size="sm" className="text-destructive" onClick={() => setConfirmDelete(true)} disabled={busy}>
            <Trash2 aria-hidden /> Delete
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setSelected(new Set())}>Clear selection</Button>
        </div>
      ) : null}

      {rows.length === 0 ? (
        <EmptyState icon={Building2} title={filterCount ? "No account matches these filters" : "No accounts in this event yet"}>
          {filterCount ? "Loosen a filter or clear them all." : "Import a CSV of target accounts or add them one by one."}
        </EmptyState>
      ) : (
        <div className={cn("overflow-hidden rounded-lg border bg-card shadow-sm transition-opacity", pending && "opacity-60")}>
          {/* Phones get cards; the table needs room. Row links don't prefetch: a page of 50
              rows would otherwise fire 50 route requests on load. */}
          <ul className="divide-y md:hidden" data-testid="accounts-cards">
            {rows.map((r) => (
              <li key={r.id} className="flex items-start gap-3 p-3">
                <Checkbox className="mt-1" checked={selected.has(r.id)} onCheckedChange={(c) => toggle(setSelected, r.id, c === true)} aria-label={`Select ${r.name}`} />
                <Link prefetch={false} href={`/dashboard/accounts/${r.id}`} className="min-w-0 flex-1">
                  <div className="flex items-center gap-2">
                    <span className="truncate font-medium">{r.name}</span>
                    <TierBadge tier={r.tier} />
                    <ScoreBadge score={r.icpScore} className="ml-auto" />
                  </div>
                  <p className="truncate text-xs text-muted-foreground">
                    {[r.industry, r.headquarters].filter(Boolean).join(" · ") || r.domain || "—"}
                  </p>
                  <p className="mt-1 text-xs text-muted-foreground">
                    {STATUS_LABELS[r.status]} · {r.peopleCount} people · {r.assignedTo ? (r.assignedTo.name ?? r.assignedTo.email) : "Unassigned"} · <RelativeTime value={r.lastActivityAt} />
                  </p>
                </Link>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto md:block">
            <table className="w-full text-sm" data-testid="accounts-table">
              <thead className="border-b bg-muted/50 text-xs text-muted-foreground">
                <tr>
                  <th className="w-10 px-3 py-2">
                    <Checkbox
                      checked={allOnPage ? true : someOnPage ? "indeterminate" : false}
                      onCheckedChange={(c) => setSelected((s) => {
                        const n = new Set(s);
                        for (const r of rows) if (c === true) n.add(r.id); else n.delete(r.id);
                        return n;
                      })}
                      aria-label="Select all on this page"
                    />
                  </th>
                  <SortHeader label="Account" column="name" sort={sort} dir={dir} onSort={onSort} />
                  <SortHeader label="ICP" column="icpScore" sort={sort} dir={dir} onSort={onSort} />
                  <SortHeader label="Tier" column="tier" sort={sort} dir={dir} onSort={onSort} />
                  <SortHeader label="Status" column="status" sort={sort} dir={dir} onSort={onSort} />
                  <SortHeader label="Industry" column="industry" sort={sort} dir={dir} onSort={onSort} />
                  <SortHeader label="People" column="people" sort={sort} dir={dir} onSort={onSort} className="text-right" />
                  <SortHeader label="Employees" column="employeeCount" sort={sort} dir={dir} onSort={onSort} className="text-right" />
                  <SortHeader label="Sites" column="facilityCount" sort={sort} dir={dir} onSort={onSort} className="text-right" />
                  <th className="px-3 py-2 text-left font-medium">Rep</th>
                  <SortHeader label="Last activity" column="lastActivityAt" sort={sort} dir={dir} onSort={onSort} />
                </tr>
              </thead>
              <tbody className="divide-y">
                {rows.map((r) => (
                  <tr key={r.id} className={cn("hover:bg-muted/40", selected.has(r.id) && "bg-accent/50")}>
                    <td className="px-3 py-2">
                      <Checkbox checked={selected.has(r.id)} onCheckedChange={(c) => toggle(setSelected, r.id, c === true)} aria-label={`Select ${r.name}`} />
                    </td>
                    <td className="max-w-64 px-3 py-2">
                      <Link prefetch={false} href={`/dashboard/accounts/${r.id}`} className="block truncate font-medium hover:underline">{r.name}</Link>
                      <span className="block truncate text-xs text-muted-foreground">{r.domain ?? r.headquarters ?? ""}</span>
                    </td>
                    <td className="px-3 py-2"><ScoreBadge score={r.icpScore} /></td>
                    <td className="px-3 py-2"><TierBadge tier={r.tier} /></td>
                    <td className="whitespace-nowrap px-3 py-2">{STATUS_LABELS[r.status]}</td>
                    <td className="max-w-44 truncate px-3 py-2 text-muted-foreground">{r.industry ?? "—"}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{r.peopleCount}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatNumber(r.employeeCount)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatNumber(r.facilityCount)}</td>
                    <td className="max-w-32 truncate px-3 py-2">{r.assignedTo ? (r.assignedTo.name ?? r.assignedTo.email) : <span className="text-muted-foreground">—</span>}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-muted-foreground"><RelativeTime value={r.lastActivityAt} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} pending={pending} onPage={(p) => set({ page: String(p) }, true)} />

      <Dialog open={confirmDelete} onOpenChange={setConfirmDelete}>
        <DialogContent>
          <DialogTitle>Move {selected.size} account{selected.size === 1 ? "" : "s"} to the Trash?</DialogTitle>
          <DialogDescription>
            They leave every list at once; one click in Settings → Trash restores them for {TRASH_DAYS} days. Their people stay in the event without an account, unless you tick the box.
          </DialogDescription>
          <label className="flex items-center gap-2 text-sm">
            <Checkbox checked={deletePeople} onCheckedChange={(c) => setDeletePeople(c === true)} /> Also move their people to the Trash (their sequences stop)
          </label>
          <DialogFooter>
            <Button variant="outline" onClick={() => setConfirmDelete(false)}>Cancel</Button>
            <Button
              variant="destructive"
              disabled={busy}
              onClick={async () => {
                await bulk({ action: "delete", deletePeople }, "Deleted");
                setConfirmDelete(false);
                setDeletePeople(false);
              }}
            >
              {busy ? <Loader2 className="animate-spin" aria-hidden /> : <Trash2 aria-hidden />} Delete
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}

function toggle(setSelected: (f: (s: Set<string>) => Set<string>) => void, id: string, on: boolean) {
  setSelected((s) => {
    const n = new Set(s);
    if (on) n.add(id);
    else n.delete(id);
    return n;
  });
}
