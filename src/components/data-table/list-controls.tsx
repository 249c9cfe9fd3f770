"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState, useTransition, type ReactNode } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown, Bookmark, ChevronLeft, ChevronRight, Loader2, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch } from "@/lib/api-client";
import { cn } from "@/lib/utils";

/**
 * The list screens keep every filter in the URL (shareable, survives reload): a control
 * changes the query string, the server component re-renders with the new page of rows.
 */
export function useUrlParams() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const set = useCallback(
    (updates: Record<string, string | null | undefined>, keepPage = false) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(updates)) {
        if (v === null || v === undefined || v === "") next.delete(k);
        else next.set(k, v);
      }
      if (!keepPage && !("page" in updates)) next.delete("page");
      const qs = next.toString();
      startTransition(() => router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
    },
    [params, pathname, router],
  );
  const replaceAll = useCallback(
    (query: string) => startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false })),
    [pathname, router],
  );
  return { params, set, replaceAll, pending };
}

export function SortHeader({ label, column, sort, dir, onSort, className }: {
  label: string;
  column: string;
  sort: string;
  dir: "asc" | "desc";
  onSort: (column: string, dir: "asc" | "desc") => void;
  className?: string;
}) {
  const active = sort === column;
  const Icon = active ? (dir === "asc" ? ArrowUp : ArrowDown) : ArrowUpDown;
  return (
    <th scope="col" className={cn("px-3 py-2 text-left font-medium", className)} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
      <button
        type="button"
        className="inline-flex cursor-pointer items-center gap-1 hover:text-foreground"
        onClick={() => onSort(column, active && dir === "desc" ? "asc" : "desc")}
      >
        {label}
        <Icon className={cn("size-3.5", active ? "text-foreground" : "opacity-40")} aria-hidden />
      </button>
    </th>
  );
}

export function Pagination({ page, pageSize, total, onPage, pending }: { page: number; pageSize: number; total: number; onPage: (p: number) => void; pending: boolean }) {
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const last = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="flex items-center justify-between gap-3 px-1 py-3 text-sm text-muted-foreground">
      <span data-testid="list-range">
        {from.toLocaleString("en-US")}–{to.toLocaleString("en-US")} of {total.toLocaleString("en-US")}
      </span>
      <div className="flex items-center gap-2">
        {pending ? <Loader2 className="size-4 animate-spin" aria-label="Loading" /> : null}
        <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label="Previous page">
          <ChevronLeft aria-hidden /> Prev
        </Button>
        <span className="tabular-nums">
          {page} / {last}
        </span>
        <Button variant="outline" size="sm" disabled={page >= last} onClick={() => onPage(page + 1)} aria-label="Next page">
          Next <ChevronRight aria-hidden />
        </Button>
      </div>
    </div>
  );
}

/** Debounced free-text search bound to the `q` parameter. */
export function SearchBox({ value, onChange, placeholder }: { value: string; onChange: (q: string) => void; placeholder: string }) {
  const [text, setText] = useState(value);
  // A new URL value (back button, saved view, "clear") replaces what is typed.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(value);
  }
  useEffect(() => {
    if (text === value) return;
    const t = setTimeout(() => onChange(text.trim()), 350);
    return () => clearTimeout(t);
  }, [text, value, onChange]);
  return <Input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} aria-label="Search" className="sm:max-w-xs" />;
}

type SavedView = { id: string; name: string; query: string };

/** The user's saved views for a list: apply one, save the current filters, delete one. */
export function SavedViews({ scope, views, currentQuery, onApply }: { scope: "accounts" | "people"; views: SavedView[]; currentQuery: string; onApply: (query: string) => void }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setError(null);
    const res = await apiFetch("/api/saved-views", { method: "POST", body: { scope, name, query: currentQuery } });
    setBusy(false);
    if (!res.success) return setError(res.error);
    setOpen(false);
    setName("");
    router.refresh();
  }
  async function remove(id: string) {
    const res = await apiFetch(`/api/saved-views/${id}`, { method: "DELETE" });
    if (res.success) router.refresh();
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" data-testid="saved-views">
            <Bookmark aria-hidden /> Views{views.length ? ` (${views.length})` : ""}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuLabel>Saved views</DropdownMenuLabel>
          {views.length === 0 ? <p className="px-2 py-1.5 text-xs text-muted-foreground">None yet. Filter the list, then save it.</p> : null}
          {views.map((v) => (
            <div key={v.id} className="flex items-center gap-1">
              <DropdownMenuItem className="flex-1" onSelect={() => onApply(v.query)}>
                {v.name}
              </DropdownMenuItem>
              <button type="button" className="rounded-sm p-1.5 text-muted-foreground hover:bg-muted hover:text-destructive" aria-label={`Delete view ${v.name}`} onClick={() => remove(v.id)}>
                <Trash2 className="size-3.5" aria-hidden />
              </button>
            </div>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setOpen(true)}>Save current filters…</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogTitle>Save this view</DialogTitle>
          <DialogDescription>Only you see your saved views. The filters and sort are kept; the page number is not.</DialogDescription>
          <div className="grid gap-1.5">
            <Label htmlFor="view-name">Name</Label>
            <Input id="view-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Tier A, not yet contacted" maxLength={80} />
          </div>
          {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
            <Button onClick={save} disabled={busy || !name.trim()}>
              {busy ? <Loader2 className="animate-spin" aria-hidden /> : null} Save view
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}

export function FilterField({ label, htmlFor, children, className }: { label: string; htmlFor: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn("grid gap-1", className)}>
      <Label htmlFor={htmlFor} className="text-xs text-muted-foreground">{label}</Label>
      {children}
    </div>
  );
}
