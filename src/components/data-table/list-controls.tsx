"use client";
import { ReadonlyURLSearchParams, usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { Bookmark, ChevronLeft, ChevronRight, Loader2, Search, Trash2, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { apiFetch } from "@/lib/api-client";
import { cn } from "@/lib/utils";
import { formatCount } from "@/lib/numbers";

const NO_PARAMS = new ReadonlyURLSearchParams();

/**
 * One filter behaviour for every list: the URL is the single source of truth (shareable,
 * survives a reload, the back button works), choices apply the moment they change, typed text
 * (search, numbers) applies a moment after typing stops, and there is no Apply button anywhere.
 * The server page reads the same URL with parseListParams (src/lib/list-params.ts).
 *
 * Every change starts from the latest query this page asked for, not from the one it was
 * rendered with: a debounced number and a select changed right after it would otherwise each
 * write its own stale copy of the URL, and the second would silently drop the first.
 */
export function useListUrl() {
  const router = useRouter();
  // App Router components: these hooks never return null here (with a pages/ directory Next.js's
  // types say they may, for Pages Router pages).
  const pathname = usePathname() ?? "";
  const params = useSearchParams() ?? NO_PARAMS;
  const [pending, startTransition] = useTransition();
  const rendered = params.toString();
  const latest = useRef(rendered);
  useEffect(() => {
    // A navigation landed (ours, the back button, a link): it is the new truth.
    latest.current = rendered;
  }, [rendered]);
  const go = useCallback(
    (query: string) => {
      latest.current = query;
      startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [pathname, router],
  );
  const set = useCallback(
    (updates: Record<string, string | null | undefined>) => {
      const next = new URLSearchParams(latest.current);
      for (const [k, v] of Object.entries(updates)) {
        if (v === null || v === undefined || v === "") next.delete(k);
        else next.set(k, v);
      }
      if (!("page" in updates)) next.delete("page");
      go(next.toString());
    },
    [go],
  );
  const get = useCallback((key: string) => params.get(key) ?? "", [params]);
  return { params, get, set, replaceAll: go, pending };
}

type Url = ReturnType<typeof useListUrl>;

/** Text that applies a moment after typing stops; a new URL value (back, clear, saved view) replaces what is typed. */
function useDebouncedParam(url: Url, param: string, delay = 350) {
  const value = url.get(param);
  const { set } = url;
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(value);
  }
  useEffect(() => {
    if (text.trim() === value) return;
    const t = setTimeout(() => set({ [param]: text.trim() }), delay);
    return () => clearTimeout(t);
  }, [text, value, param, delay, set]);
  return [text, setText] as const;
}

function FilterField({ label, htmlFor, children, className }: { label: string; htmlFor: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn("grid min-w-0 grid-cols-1 gap-1", className)}>
      <Label htmlFor={htmlFor} className="text-xs text-muted-foreground">{label}</Label>
      {children}
    </div>
  );
}

export function FilterSearch({ url, param = "q", label, placeholder, className }: { url: Url; param?: string; label: string; placeholder: string; className?: string }) {
  const [text, setText] = useDebouncedParam(url, param);
  return (
    <div className={cn("relative min-w-0", className)}>
      <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
      <Input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} aria-label={label} className="pl-8" />
    </div>
  );
}

type Option = { value: string; label: string; group?: string };

export function FilterSelect({ url, param, label, id, options, anyLabel }: { url: Url; param: string; label: string; id: string; options: Option[]; anyLabel: string }) {
  const groups = [...new Set(options.map((o) => o.group ?? ""))];
  const render = (list: Option[]) => list.map((o) => <option key={o.value} value={o.value}>{o.label}</option>);
  return (
    <FilterField label={label} htmlFor={id}>
      <NativeSelect id={id} value={url.get(param)} onChange={(e) => url.set({ [param]: e.target.value })}>
        <option value="">{anyLabel}</option>
        {groups.length > 1 || groups[0] !== ""
          ? groups.map((g) => <optgroup key={g} label={g}>{render(options.filter((o) => (o.group ?? "") === g))}</optgroup>)
          : render(options)}
      </NativeSelect>
    </FilterField>
  );
}

export function FilterNumber({ url, param, label, id, min, max, placeholder }: { url: Url; param: string; label: string; id: string; min: number; max: number; placeholder?: string }) {
  const [text, setText] = useDebouncedParam(url, param, 500);
  return (
    <FilterField label={label} htmlFor={id}>
      <Input id={id} type="number" inputMode="numeric" min={min} max={max} value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} />
    </FilterField>
  );
}

/** A typed filter value in its own labelled field (debounced like the search box). */
export function FilterText({ url, param, label, id, placeholder }: { url: Url; param: string; label: string; id: string; placeholder?: string }) {
  const [text, setText] = useDebouncedParam(url, param);
  return (
    <FilterField label={label} htmlFor={id}>
      <Input id={id} value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} />
    </FilterField>
  );
}

export function FilterDate({ url, param, label, id }: { url: Url; param: string; label: string; id: string }) {
  return (
    <FilterField label={label} htmlFor={id}>
      <Input id={id} type="date" value={url.get(param)} onChange={(e) => url.set({ [param]: e.target.value })} />
    </FilterField>
  );
}

/** Toggle buttons for a comma-separated parameter ("A,B"). */
export function FilterToggles({ url, param, label, options, className, buttonClassName }: { url: Url; param: string; label: string; options: { value: string; label: string }[]; className?: string; buttonClassName?: string }) {
  const selected = url.get(param).split(",").filter(Boolean);
  return (
    <div className={cn("flex flex-wrap items-center gap-1", className)} role="group" aria-label={label}>
      <span className="mr-1 text-xs text-muted-foreground">{label}</span>
      {options.map((o) => {
        const on = selected.includes(o.value);
        return (
          <button
            key={o.value}
            type="button"
            aria-pressed={on}
            onClick={() => url.set({ [param]: (on ? selected.filter((x) => x !== o.value) : [...selected, o.value]).sort().join(",") })}
            className={cn("h-8 min-w-8 cursor-pointer rounded-md border px-2 text-xs font-semibold", on ? "border-primary bg-primary text-primary-foreground" : "bg-card hover:bg-muted", buttonClassName)}
          >
            {o.label}
          </button>
        );
      })}
    </div>
  );
}

/** "Clear filters" when any of `params` is set (sort and page are not filters). */
export function ClearFilters({ url, params }: { url: Url; params: string[] }) {
  if (!params.some((p) => url.get(p))) return null;
  return (
    <Button variant="ghost" size="sm" onClick={() => url.set(Object.fromEntries(params.map((p) => [p, null])))}>
      <X aria-hidden /> Clear filters
    </Button>
  );
}

/** `moreThanTotal`: the total is a search's cap and more match ("1–50 of 1,000+", pages "1 / 20+"; the header says it in words). */
export function Pagination({ url, page, pageSize, total, moreThanTotal = false }: { url: Url; page: number; pageSize: number; total: number; moreThanTotal?: boolean }) {
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const last = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="flex items-center justify-between gap-3 px-1 py-3 text-sm text-muted-foreground">
      <span data-testid="list-range">
        {formatCount(from)}–{formatCount(to)} of {formatCount(total)}{moreThanTotal ? "+" : ""}
      </span>
      <div className="flex items-center gap-2">
        {url.pending ? <Loader2 className="size-4 animate-spin" aria-label="Loading" /> : null}
        <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => url.set({ page: String(page - 1) })} aria-label="Previous page">
          <ChevronLeft aria-hidden /> Prev
        </Button>
        <span className="whitespace-nowrap tabular-nums">{page} / {last}{moreThanTotal ? "+" : ""}</span>
        <Button variant="outline" size="sm" disabled={page >= last && !moreThanTotal} onClick={() => url.set({ page: String(page + 1) })} aria-label="Next page">
          Next <ChevronRight aria-hidden />
        </Button>
      </div>
    </div>
  );
}

type SavedView = { id: string; name: string; query: string };

/** The user's saved views for a list: apply one, save the current filters, delete one. */
export function SavedViews({ url, scope, views }: { url: Url; scope: "accounts" | "people"; views: SavedView[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setError(null);
    const current = new URLSearchParams(url.params.toString());
    current.delete("page");
    const res = await apiFetch("/api/saved-views", { method: "POST", body: { scope, name, query: current.toString() } });
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
              <DropdownMenuItem className="flex-1" onSelect={() => url.replaceAll(v.query)}>
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
