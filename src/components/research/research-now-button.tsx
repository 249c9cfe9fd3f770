"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Loader2, Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";

type RunAnswer = { results: ({ ok: true; result: { outcome: string } } | { ok: false; error: string })[] };

/** Researches one account from its page and says, in a sentence, what was read and what was not. */
export function ResearchNowButton({ accountId, researched }: { accountId: string; researched: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  async function run() {
    setBusy(true);
    setNote(null);
    const res = await apiFetch<RunAnswer>("/api/research/run", { method: "POST", body: { accountIds: [accountId] } });
    setBusy(false);
    const first = res.success ? res.data.results[0] : null;
    if (!res.success) return setNote({ ok: false, text: res.error });
    if (!first || !first.ok) return setNote({ ok: false, text: first?.error ?? "Research failed; try again." });
    setNote({ ok: true, text: first.result.outcome });
    router.refresh();
  }

  return (
    <div className="grid justify-items-end gap-1.5">
      <Button variant="outline" size="sm" onClick={run} disabled={busy} data-testid="research-now">
        {busy ? <Loader2 className="animate-spin" aria-hidden /> : <Search aria-hidden />} {busy ? "Researching…" : researched ? "Research again" : "Research now"}
      </Button>
      {note ? <p role={note.ok ? "status" : "alert"} className={note.ok ? "max-w-md text-right text-xs text-muted-foreground" : "max-w-md text-right text-xs text-destructive"} data-testid="research-outcome">{note.text}</p> : null}
    </div>
  );
}
