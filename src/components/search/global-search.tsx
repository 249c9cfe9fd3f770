"use client";
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { Search } from "lucide-react";

// The dialog (Radix) and the results panel load the first time search opens: every page carries
// this button, and a phone should not parse code for a dialog nobody has opened yet.
const SearchDialog = dynamic(() => import("./search-dialog").then((m) => m.SearchDialog), { ssr: false });

/**
 * Global search: Cmd/Ctrl-K anywhere (or the search button, which is the way in on a phone).
 * Results come grouped by type with their key fact; arrow keys move, Enter opens, Esc closes.
 * With nothing typed it shows the records recently opened from here (kept in this browser).
 */
export function GlobalSearch() {
  const [open, setOpen] = useState(false);
  // Mounted once first opened, then kept (Radix animates the close and restores focus).
  const [opened, setOpened] = useState(false);
  if (open && !opened) setOpened(true);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="flex h-9 items-center gap-2 rounded-md border bg-card px-2.5 text-sm text-muted-foreground hover:bg-muted sm:w-64"
        aria-label="Search (Ctrl K)"
        data-testid="search-open"
      >
        <Search className="size-4 shrink-0" aria-hidden />
        <span className="hidden sm:inline">Search…</span>
        <kbd className="ml-auto hidden rounded border bg-muted px-1.5 text-[10px] font-medium sm:inline">Ctrl K</kbd>
      </button>
      {opened ? <SearchDialog open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}

