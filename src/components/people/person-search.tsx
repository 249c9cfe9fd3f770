"use client";
import { useState } from "react";
import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useDebouncedApi } from "@/lib/use-debounced-api";

/** What a person search answers: enough to tell two people apart in the list. */
export type PersonHit = { id: string; name: string; title: string | null; email: string | null; account: { name: string } | null; suppressed?: boolean };

/**
 * "Who is this for": a search box over the event's people and the matches under it, one tap to
 * pick (the meeting dialog's "Who", the compose dialog's "To"). Each caller names its endpoint
 * (which people may be picked differs: attendees vs. recipients) and how many characters a search
 * needs first; 0 lists people before anything is typed.
 */
export function PersonSearch<T extends PersonHit>({ id, label, endpoint, minChars, onPick, testId }: {
  id: string;
  label: string;
  endpoint: string;
  minChars: number;
  onPick: (person: T) => void;
  testId?: string;
}) {
  const [q, setQ] = useState("");
  const [results, setResults] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const term = q.trim();
  const searchable = term.length >= minChars;
  useDebouncedApi<T[]>(searchable ? { url: `${endpoint}?q=${encodeURIComponent(term)}` } : null, 200, (res) => {
    if (res.success) {
      setResults(res.data);
      setError(null);
    } else setError(res.error);
  });

  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="relative">
        <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
        <Input id={id} value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search people by name, email or company" className="h-11 pl-9 text-base sm:h-9 sm:text-sm" autoFocus autoComplete="off" />
      </div>
      {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
      {!searchable ? null : results === null ? (
        <p className="text-sm text-muted-foreground">Loading…</p>
      ) : results.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nobody matches “{q}” in this event.</p>
      ) : (
        <ul className="max-h-64 divide-y overflow-y-auto rounded-lg border" aria-label="Matching people" data-testid={testId}>
          {results.map((p) => (
            <li key={p.id}>
              <button type="button" onClick={() => onPick(p)} className="flex w-full flex-col items-start px-3 py-2 text-left hover:bg-muted">
                <span className="text-sm font-medium">{p.name}{p.suppressed ? <span className="ml-2 text-xs font-normal text-destructive">Do not email (suppressed)</span> : null}</span>
                <span className="text-xs text-muted-foreground">{[p.title, p.account?.name, p.email ?? (p.suppressed === undefined ? null : "no email")].filter(Boolean).join(" · ")}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
