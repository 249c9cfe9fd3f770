"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/api-client";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";

/** `refusal`: why the signed-in teammate may not change the status (the permission matrix); the buttons give way to it. */
export function SequenceStatusActions({ sequenceId, status, refusal }: { sequenceId: string; status: "DRAFT" | "ACTIVE" | "PAUSED" | "ARCHIVED"; refusal?: string | null }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dialog, ask] = useConfirm();
  if (status === "ARCHIVED") return null;
  if (refusal) return <p className="max-w-sm text-sm text-muted-foreground" data-testid="status-refusal">{refusal}</p>;

  async function run(action: "activate" | "pause" | "archive") {
    setBusy(true);
    setError(null);
    const res = await apiFetch(`/api/sequences/${sequenceId}/status`, { method: "POST", body: { action } });
    setBusy(false);
    if (!res.success) return setError(res.error);
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {status !== "ACTIVE" ? <Button onClick={() => run("activate")} disabled={busy}>{status === "PAUSED" ? "Resume" : "Activate"}</Button> : null}
      {status === "ACTIVE" ? <Button variant="outline" onClick={() => run("pause")} disabled={busy}>Pause</Button> : null}
      <Button variant="ghost" onClick={() => ask({ title: "Archive this sequence?", description: "Running enrollments stop and no further steps go out.", confirmLabel: "Archive", destructive: true }, async () => { await run("archive"); return null; })} disabled={busy}>Archive</Button>
      {dialog}
      {error ? <span role="alert" className="text-sm text-destructive">{error}</span> : null}
    </div>
  );
}
