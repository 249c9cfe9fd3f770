"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { RefusedButton } from "@/components/ui/refused-button";

/** Pause one person's enrollment, or resume / retry it (PATCH /api/enrollments/:id). */
export function EnrollmentActions({ enrollmentId, status, personName, refusal }: { enrollmentId: string; status: string; personName: string; refusal?: string | null }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const action = status === "ACTIVE" ? "pause" : status === "PAUSED" || status === "FAILED" ? "resume" : null;
  if (!action) return null;
  const label = action === "pause" ? "Pause" : status === "FAILED" ? "Retry" : "Resume";
  if (refusal) return <RefusedButton label={label} reason={refusal} />;

  async function run() {
    setBusy(true);
    setError(null);
    const res = await apiFetch(`/api/enrollments/${enrollmentId}`, { method: "PATCH", body: { action } });
    setBusy(false);
    if (!res.success) return setError(res.error);
    router.refresh();
  }

  return (
    <span className="flex items-center gap-2">
      {error ? <span role="alert" className="text-xs text-destructive">{error}</span> : null}
      <Button variant="ghost" size="sm" onClick={run} disabled={busy} aria-label={`${label} ${personName}`}>{label}</Button>
    </span>
  );
}
