"use client";
import { useState } from "react";
import { Ban } from "lucide-react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";

/** The suggestion under a "please remove me" reply: the rep decides whether the address goes on the do-not-email list. */
export function SuppressSuggestion({ email, alreadyListed }: { email: string; alreadyListed: boolean }) {
  const [state, setState] = useState<{ done: boolean; error: string | null; busy: boolean }>({ done: alreadyListed, error: null, busy: false });
  if (state.done) return <p className="text-sm text-muted-foreground" data-testid="suppress-done">{email} is on the do-not-email list.</p>;
  async function add() {
    setState((s) => ({ ...s, busy: true, error: null }));
    const result = await apiFetch("/api/suppressions", { method: "POST", body: { email, note: "Asked in a reply not to be contacted" } });
    setState(result.success ? { done: true, error: null, busy: false } : { done: false, error: result.error, busy: false });
  }
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
      <span className="min-w-0 flex-1">They asked not to be contacted. Put {email} on the do-not-email list so nobody on the team emails them again?</span>
      <Button size="sm" variant="outline" disabled={state.busy} onClick={() => void add()}>
        <Ban aria-hidden /> Add to do-not-email list
      </Button>
      {state.error ? <p role="alert" className="w-full text-destructive">{state.error}</p> : null}
    </div>
  );
}
