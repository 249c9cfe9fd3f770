"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Building2, CalendarDays, FileText, Loader2, Mail, Search, User, Workflow, type LucideIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle } from "@/components/ui/dialog";
import { useDebouncedApi } from "@/lib/use-debounced-api";
import { cn } from "@/lib/utils";

type Hit = { type: string; id: string; title: string; detail: string; href: string };
type Group = { type: string; label: string; items: Hit[] };

const ICONS: Record<string, LucideIcon> = { account: Building2, person: User, meeting: CalendarDays, thread: Mail, sequence: Workflow, template: FileText };
const RECENT_KEY = "eventops.search.recent";
const MAX_RECENT = 8;

function readRecent(): Hit[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(RECENT_KEY) ?? "[]") as unknown;
    return Array.isArray(parsed) ? (parsed as Hit[]).filter((h) => h && typeof h.href === "string" && h.href.startsWith("/dashboard/")).slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

function remember(hit: Hit) {
  const next = [hit, ...readRecent().filter((h) => !(h.type === hit.type && h.id === hit.id))].slice(0, MAX_RECENT);
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify(next));
  } catch {
    // Private mode or a full storage: recents are a convenience.
  }
}

/** The search dialog of GlobalSearch (loaded when search first opens). */
export function SearchDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="bottom-auto top-0 gap-0 overflow-hidden rounded-b-xl rounded-t-none p-0 sm:top-[12vh] sm:max-w-xl sm:translate-y-0 sm:rounded-xl" aria-describedby={undefined}>
        <DialogTitle className="sr-only">Search</DialogTitle>
        {open ? <SearchPanel onClose={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function SearchPanel({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const [q, setQ] = useState("");
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [recent] = useState<Hit[]>(() => (typeof window === "undefined" ? [] : readRecent()));
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const term = q.trim();
  // Similar names (typos) are searched for only when asked, for the text they were asked for:
  // typing on goes back to exact matches (the typo search is the costly one, see the service).
  const [similarFor, setSimilarFor] = useState<string | null>(null);
  const similar = term !== "" && similarFor === term;
  const [answered, setAnswered] = useState<{ term: string; similar: boolean } | null>(null);

  useDebouncedApi<{ q: string; similar: boolean; groups: Group[] }>(
    term ? { url: `/api/search?q=${encodeURIComponent(term)}${similar ? "&similar=true" : ""}` } : null,
    similar ? 0 : 150,
    (res) => {
      if (res.success) {
        setGroups(res.data.groups);
        setAnswered({ term: res.data.q, similar: res.data.similar });
        setError(null);
      } else setError(res.error);
      setActive(0);
      setLoading(false);
    },
    () => setLoading(true),
  );

  const shown: Group[] = useMemo(() => (term ? (groups ?? []) : recent.length ? [{ type: "recent", label: "Recent", items: recent }] : []), [term, groups, recent]);
  const flat = shown.flatMap((g) => g.items);

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  function go(hit: Hit) {
    remember(hit);
    onClose();
    router.push(hit.href);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((i) => Math.min(flat.length - 1, i + 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === "Enter" && flat[active]) {
      e.preventDefault();
      go(flat[active]);
    } else if (e.key === "Enter" && offerSimilar) {
      e.preventDefault();
      setSimilarFor(term);
    }
  }

  const nothingFound = !error && term !== "" && groups !== null && flat.length === 0 && !loading && answered?.term === term;
  const offerSimilar = nothingFound && !answered.similar;
  // Position of each hit in the flat list the arrow keys walk.
  const offsets = shown.map((_, gi) => shown.slice(0, gi).reduce((n, g) => n + g.items.length, 0));
  return (
    <div onKeyDown={onKeyDown}>
      <div className="flex items-center gap-2 border-b pl-3 pr-11">
        {loading ? <Loader2 className="size-4 shrink-0 animate-spin text-muted-foreground" aria-hidden /> : <Search className="size-4 shrink-0 text-muted-foreground" aria-hidden />}
        <input
          ref={inputRef}
          autoFocus
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Accounts, people, meetings, emails, sequences, templates…"
          className="h-12 w-full bg-transparent text-base outline-none placeholder:text-muted-foreground sm:text-sm"
          role="combobox"
          aria-expanded={flat.length > 0}
          aria-controls="search-results"
          aria-activedescendant={flat[active] ? `search-hit-${active}` : undefined}
          aria-label="Search"
          maxLength={100}
          data-testid="search-input"
        />
      </div>
      {/* Outside the listbox: its children are options. */}
      {offerSimilar ? (
        <div className="grid justify-items-center gap-2 px-4 py-6 text-center text-sm text-muted-foreground">
          <p>No exact matches for “{term}”.</p>
          <Button
            variant="outline"
            size="sm"
            onClick={() => {
              setSimilarFor(term);
              // The button goes when the answer comes: the arrows and Enter work from the box.
              inputRef.current?.focus();
            }}
            data-testid="search-similar"
          >
            <Search aria-hidden /> Search for similar names
          </Button>
        </div>
      ) : null}
      <div ref={listRef} id="search-results" role="listbox" aria-label="Search results" className="max-h-[60vh] overflow-y-auto py-1" data-testid="search-results">
        {error ? <p className="px-4 py-6 text-sm text-destructive">{error}</p> : null}
        {nothingFound && !offerSimilar ? <p className="px-4 py-6 text-center text-sm text-muted-foreground">Nothing matches “{term}”, not even a similar name. Try a company, a person, an email or a domain.</p> : null}
        {!term && flat.length === 0 ? <p className="px-4 py-6 text-center text-sm text-muted-foreground">Type a name, company, email or domain. Records you open from here are listed next time.</p> : null}
        {shown.map((group, gi) => (
          <div key={group.type} role="group" aria-label={group.label}>
            <p className="px-4 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-muted-foreground">{group.label}</p>
            {group.items.map((hit, hi) => {
              const i = offsets[gi] + hi;
              const Icon = ICONS[hit.type] ?? Search;
              return (
                <button
                  key={`${hit.type}-${hit.id}`}
                  id={`search-hit-${i}`}
                  data-index={i}
                  type="button"
                  role="option"
                  aria-selected={i === active}
                  onMouseMove={() => setActive(i)}
                  onClick={() => go(hit)}
                  className={cn("flex w-full items-start gap-3 px-4 py-2 text-left", i === active && "bg-muted")}
                  data-testid="search-hit"
                >
                  <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
                  <span className="min-w-0">
                    <span className="block truncate text-sm font-medium">{hit.title}</span>
                    <span className="block truncate text-xs text-muted-foreground">{hit.detail}</span>
                  </span>
                </button>
              );
            })}
          </div>
        ))}
      </div>
      <p className="hidden border-t px-4 py-2 text-xs text-muted-foreground sm:block">↑ ↓ to move · Enter to open · Esc to close</p>
    </div>
  );
}
