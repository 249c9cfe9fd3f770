"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/api-client";
import { PERSONA_LABELS } from "@/components/data-table/format";
import { cn } from "@/lib/utils";

/** Persona flags as toggles; each click PATCHes one flag. */
export function PersonaToggles({ personId, flags, readOnly }: { personId: string; flags: Record<string, boolean>; readOnly?: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function flip(flag: string) {
    setBusy(flag);
    setError(null);
    const res = await apiFetch(`/api/people/${personId}`, { method: "PATCH", body: { [flag]: !flags[flag] } });
    setBusy(null);
    if (!res.success) return setError(res.error);
    router.refresh();
  }
  return (
    <div className="grid gap-1">
      <span className="text-xs font-medium text-muted-foreground">Persona</span>
      <div className="flex flex-wrap gap-1.5" role="group" aria-label="Persona">
        {Object.entries(PERSONA_LABELS).map(([flag, label]) => (
          <button
            key={flag}
            type="button"
            aria-pressed={flags[flag] === true}
            disabled={busy !== null || readOnly}
            onClick={() => flip(flag)}
            className={cn("h-7 cursor-pointer rounded-full border px-3 text-xs font-medium disabled:opacity-60", flags[flag] ? "border-primary bg-primary text-primary-foreground" : "bg-card hover:bg-muted")}
          >
            {label}
          </button>
        ))}
      </div>
      {error ? <p role="alert" className="text-xs text-destructive">{error}</p> : null}
    </div>
  );
}
