"use client";
import { DATA_SOURCE_LABELS, LAWFUL_BASIS_LABELS } from "@/lib/privacy-labels";
import { TRASH_DAYS } from "@/lib/trash";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Loader2, Mail, Trash2, Users, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Badge } from "@/components/ui/badge";
import { FilterField, Pagination, SavedViews, SearchBox, SortHeader, useUrlParams } from "@/components/data-table/list-controls";
import { PERSONA_LABELS, personaList } from "@/components/data-table/format";
import { RelativeTime } from "@/components/data-table/relative-time";
import { ScoreBadge, TierBadge } from "@/components/scoring/score-badge";
import { apiFetch } from "@/lib/api-client";
import { cn } from "@/lib/utils";

export type PersonRow = {
  id: string;
  name: string;
  title: string | null;
  email: string | null;
  icpScore: number | null;
  isExecOps: boolean;
  isOps: boolean;
  isProc: boolean;
  isSales: boolean;
  isTech: boolean;
  isNonOps: boolean;
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

export function PeopleList({ rows, total, page, pageSize, sort, dir, team, views, accountFilter, extraBulkActions = [] }: {
  rows: PersonRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  dir: "asc" | "desc";
  team: Teammate[];
  views: { id: string; name: string; query: string }[];
  accountFilter: { id: string; name: string } | null;
  extraBulkActions?: BulkAction[];
}) {
  const router = useRouter();
  const { params, set, replaceAll, pending } = useUrlParams();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const personas = (params.get("persona") ?? "").split(",").filter(Boolean);
  const tiers = (params.get("tier") ?? "").split(",").filter(Boolean);
  const filterCount = ["q", "persona", "tier", "assignedTo", "hasEmail", "icpMin", "icpMax", "accountId", "rating", "tag", "lawfulBasis", "dataSource"].filter((k) => params.get(k)).length;
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someOnPage = rows.some((r) => selected.has(r.id));
  const onSort = (column: string, d: "asc" | "desc") => set({ sort: column, dir: d });

  function toggleIn(list: string[], key: string, value: string) {
    const next = list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
    set({ [key]: next.join(",") });
  }

  async function bulk(body: Record<string, unknown>, done: string) {
    setBusy(true);
    setMessage(null);
    const res = await apiFetch<{ count: number }>("/api/people/bulk", { method: "POST", body: { ids: [...selected], ...body } });
    setBusy(false);
    if (!res.success) return setMessage({ kind: "error", text: res.error });
    setMessage({ kind: "ok", text: `${done} ${res.data.count} ${res.data.count === 1 ? "person" : "people"}.` });
    setSelected(new Set());
    router.refresh();
  }

  function toggle(id: string, on: boolean) {
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  }

  return (
    <div className="grid gap-4">
      <div className="grid gap-3 rounded-lg border bg-card p-3 shadow-sm">
        <div className="flex flex-wrap items-center gap-2">
          <SearchBox value={params.get("q") ?? ""} onChange={(q) => set({ q })} placeholder="Search name, email, title, company" />
          {accountFilter ? (
            <Badge variant="outline" className="gap-1 py-1">
              {accountFilter.name}
              <button type="button" aria-label="Remove account filter" onClick={() => set({ accountId: null })} className="cursor-pointer"><X className="size-3" aria-hidden /></button>
            </Badge>
          ) : null}
          <div className="ml-auto flex items-center gap-2">
            {filterCount > 0 ? (
              <Button variant="ghost" size="sm" onClick={() => replaceAll("")}><X aria-hidden /> Clear filters</Button>
            ) : null}
            <SavedViews scope="people" views={views} currentQuery={params.toString()} onApply={replaceAll} />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Persona">
          <span className="mr-1 text-xs text-muted-foreground">Persona</span>
          {Object.entries(PERSONA_LABELS).map(([flag, label]) => (
            <button
              key={flag}
              type="button"
              aria-pressed={personas.includes(flag)}
              onClick={() => toggleIn(personas, "persona", flag)}
              className={cn("h-7 cursor-pointer rounded-full border px-3 text-xs font-medium", personas.includes(flag) ? "border-primary bg-primary text-primary-foreground" : "bg-card hover:bg-muted")}
            >
              {label}
            </button>
          ))}
          <span className="ml-3 mr-1 text-xs text-muted-foreground">Account tier</span>
          {["A", "B", "C", "D"].map((t) => (
            <button
              key={t}
              type="button"
              aria-pressed={tiers.includes(t)}
              onClick={() => toggleIn(tiers, "tier", t)}
              className={cn("h-7 w-7 cursor-pointer rounded-md border text-xs font-semibold", tiers.includes(t) ? "border-primary bg-primary text-primary-foreground" : "bg-card hover:bg-muted")}
            >
              {t}
            </button>
          ))}
        </div>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          <FilterField label="Assigned rep" htmlFor="p-rep">
            <Select id="p-rep" value={params.get("assignedTo") ?? ""} onChange={(e) => set({ assignedTo: e.target.value })}>
              <option value="">Anyone</option>
              <option value="me">Me</option>
              <option value="unassigned">Unassigned</option>
              {team.map((u) => <option key={u.id} value={u.id}>{u.name ?? u.email}</option>)}
            </Select>
          </FilterField>
          <FilterField label="Email" htmlFor="p-email">
            <Select id="p-email" value={params.get("hasEmail") ?? ""} onChange={(e) => set({ hasEmail: e.target.value })}>
              <option value="">With or without</option>
              <option value="true">Has email</option>
              <option value="false">No email</option>
            </Select>
          </FilterField>
          <FilterField label="Booth rating" htmlFor="p-rating">
            <Select id="p-rating" value={params.get("rating") ?? ""} onChange={(e) => set({ rating: e.target.value })}>
              <option value="">Any</option>
              <option value="hot">Hot</option>
              <option value="warm">Warm</option>
              <option value="cold">Cold</option>
            </Select>
          </FilterField>
          <FilterField label="Lawful basis" htmlFor="p-basis">
            <Select id="p-basis" value={params.get("lawfulBasis") ?? ""} onChange={(e) => set({ lawfulBasis: e.target.value })}>
              <option value="">Any</option>
              {Object.entries(LAWFUL_BASIS_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </Select>
          </FilterField>
          <FilterField label="Source" htmlFor="p-source">
            <Select id="p-source" value={params.get("dataSource") ?? ""} onChange={(e) => set({ dataSource: e.target.value })}>
              <option value="">Any</option>
              {Object.entries(DATA_SOURCE_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </Select>
          </FilterField>
          <FilterField label="Interest tag" htmlFor="p-tag">
            <Input id="p-tag" defaultValue={params.get("tag") ?? ""} key={`tag-${params.get("tag")}`} onBlur={(e) => set({ tag: e.target.value.trim() })} onKeyDown={(e) => e.key === "Enter" && set({ tag: e.currentTarget.value.trim() })} placeholder="e.g. pilot" />
          </FilterField>
          <FilterField label="ICP from" htmlFor="p-icpmin">
            <Input id="p-icpmin" type="number" min={0} max={100} inputMode="numeric" defaultValue={params.get("icpMin") ?? ""} key={`min-${params.get("icpMin")}`} onBlur={(e) => set({ icpMin: e.target.value })} onKeyDown={(e) => e.key === "Enter" && set({ icpMin: e.currentTarget.value })} placeholder="0" />
          </FilterField>
          <FilterField label="ICP to" htmlFor="p-icpmax">
            <Input id="p-icpmax" type="number" min={0} max={100} inputMode="numeric" defaultValue={params.get("icpMax") ?? ""} key={`max-${params.get("icpMax")}`} onBlur={(e) => set({ icpMax: e.target.value })} onKeyDown={(e) => e.key === "Enter" && set({ icpMax: e.currentTarget.value })} placeholder="100" />
          </FilterField>
        </div>
      </div>

      {message ? (
        <p role={message.kind === "error" ? "alert" : "status"} className={cn("rounded-md px-3 py-2 text-sm", message.kind === "error" ? "bg-destructive/10 text-destructive" : "bg-success/10 text-success")}>{message.text}</p>
      ) : null}

      {selected.size > 0 ? (
        <div className="sticky top-2 z-10 flex flex-wrap items-center gap-2 rounded-lg border border-primary/30 bg-accent p-2 text-sm shadow-sm" data-testid="bulk-bar">
          <span className="px-1 font-medium">{selected.size} selected</span>
          <Select aria-label="Assign to" className="h-8 w-auto" value="" disabled={busy} onChange={(e) => e.target.value && bulk({ action: "assign", assignedToId: e.target.value === "none" ? null : e.target.value }, "Reassigned")}>
            <option value="">Assign to…</option>
            <option value="none">Nobody</option>
            {team.map((u) => <option key={u.id} value={u.id}>{u.name ?? u.email}</option>)}
          </Select>
          <Select aria-label="Set lawful basis" className="h-8 w-auto" value="" disabled={busy} onChange={(e) => e.target.value && bulk({ action: "lawful_basis", lawfulBasis: e.target.value }, "Lawful basis set for")}>
            <option value="">Lawful basis…</option>
            {Object.entries(LAWFUL_BASIS_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </Select>
          {extraBulkActions.map((a) => (
            <Button
              key={a.label}
              variant="outline"
              size="sm"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                const err = await a.run([...selected]);
                setBusy(false);
                if (err && typeof err === "object") return;
                setMessage(err ? { kind: "error", text: err } : { kind: "ok", text: `${a.label}: done.` });
                if (!err) router.refresh();
              }}
            >
              {a.label}
            </Button>
          ))}
          <Button variant="outline" size="sm" className="text-destructive" onClick={() => setConfirmDelete(true)} disabled={busy}><Trash2 aria-hidden /> Delete</Button>
          <Button variant="ghost" size="sm" onClick={() => setSelected(new Set())}>Clear selection</Button>
        </div>
      ) : null}

      {rows.length === 0 ? (
        <EmptyState icon={Users} title={filterCount ? "No one matches these filters" : "No people in this event yet"}>
          {filterCount ? "Loosen a filter or clear them all." : "Import contacts from a CSV or add them from an account."}
        </EmptyState>
      ) : (
        <div className={cn("overflow-hidden rounded-lg border bg-card shadow-sm transition-opacity", pending && "opacity-60")}>
          <ul className="divide-y md:hidden" data-testid="people-cards">
            {rows.map((r) => (
              <li key={r.id} className="flex items-start gap-3 p-3">
                <Checkbox className="mt-1" checked={selected.has(r.id)} onCheckedChange={(c) => toggle(r.id, c === true)} aria-label={`Select ${r.name}`} />
                <Link prefetch={false} href={`/dashboard/people/${r.id}`} className="min-w-0 flex-1">
                  <div className="flex items-center gap-2">
                    <span className="truncate font-medium">{r.name}</span>
                    <ScoreBadge score={r.icpScore} className="ml-auto" />
                  </div>
                  <p className="truncate text-xs text-muted-foreground">{r.title ?? "No title"}{r.account ? ` · ${r.account.name}` : ""}</p>
                  <p className="mt-1 flex flex-wrap gap-1">{personaList(r).map((l) => <Badge key={l} variant="secondary">{l}</Badge>)}</p>
                </Link>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto md:block">
            <table className="w-full text-sm" data-testid="people-table">
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
                  <SortHeader label="Name" column="name" sort={sort} dir={dir} onSort={onSort} />
                  <SortHeader label="ICP" column="icpScore" sort={sort} dir={dir} onSort={onSort} />
                  <SortHeader label="Title" column="title" sort={sort} dir={dir} onSort={onSort} />
                  <SortHeader label="Account" column="account" sort={sort} dir={dir} onSort={onSort} />
                  <th className="px-3 py-2 text-left font-medium">Persona</th>
                  <th className="px-3 py-2 text-left font-medium">Rep</th>
                  <SortHeader label="Last activity" column="lastActivityAt" sort={sort} dir={dir} onSort={onSort} />
                </tr>
              </thead>
              <tbody className="divide-y">
                {rows.map((r) => (
                  <tr key={r.id} className={cn("hover:bg-muted/40", selected.has(r.id) && "bg-accent/50")}>
                    <td className="px-3 py-2"><Checkbox checked={selected.has(r.id)} onCheckedChange={(c) => toggle(r.id, c === true)} aria-label={`Select ${r.name}`} /></td>
                    <td className="max-w-56 px-3 py-2">
                      <Link prefetch={false} href={`/dashboard/people/${r.id}`} className="block truncate font-medium hover:underline">{r.name}</Link>
                      <span className="flex items-center gap-1 truncate text-xs text-muted-foreground">{r.email ? <><Mail className="size-3" aria-hidden />{r.email}</> : "No email"}</span>
                    </td>
                    <td className="px-3 py-2"><ScoreBadge score={r.icpScore} /></td>
                    <td className="max-w-56 truncate px-3 py-2">{r.title ?? <span className="text-muted-foreground">—</span>}</td>
                    <td className="max-w-48 px-3 py-2">
                      {r.account ? (
                        <span className="flex items-center gap-1.5">
                          <TierBadge tier={r.account.tier} />
                          <Link prefetch={false} href={`/dashboard/accounts/${r.account.id}`} className="truncate hover:underline">{r.account.name}</Link>
                        </span>
                      ) : <span className="text-muted-foreground">—</span>}
                    </td>
                    <td className="px-3 py-2"><span className="flex flex-wrap gap-1">{personaList(r).map((l) => <Badge key={l} variant="secondary">{l}</Badge>)}</span></td>
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
          <DialogTitle>Move {selected.size} {selected.size === 1 ? "person" : "people"} to the Trash?</DialogTitle>
          <DialogDescription>Their sequences stop and queued messages are cancelled. One click in Settings → Trash puts everything back for {TRASH_DAYS} days.</DialogDescription>
          <DialogFooter>
            <Button variant="outline" onClick={() => setConfirmDelete(false)}>Cancel</Button>
            <Button variant="destructive" disabled={busy} onClick={async () => { await bulk({ action: "delete" }, "Deleted"); setConfirmDelete(false); }}>
              {busy ? <Loader2 className="animate-spin" aria-hidden /> : <Trash2 aria-hidden />} Delete
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
