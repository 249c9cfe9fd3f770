"use client";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Loader2, RotateCcw, Trash2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RefusedButton } from "@/components/ui/refused-button";
import { formatInZone } from "@/lib/time";
import { apiFetch } from "@/lib/api-client";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { formatCount } from "@/lib/numbers";

export type TrashItem = {
  id: string;
  label: string;
  accounts: number;
  people: number;
  names: string[];
  createdAt: string;
  purgesAt: string;
  daysLeft: number;
  deletedBy: { id: string; name: string | null; email: string } | null;
  restoreRefusal: string | null;
  purgeRefusal: string | null;
};

function counts(item: Pick<TrashItem, "accounts" | "people">): string {
  const parts = [];
  if (item.accounts) parts.push(`${formatCount(item.accounts)} account${item.accounts === 1 ? "" : "s"}`);
  if (item.people) parts.push(`${formatCount(item.people)} ${item.people === 1 ? "person" : "people"}`);
  return parts.join(" and ") || "nothing";
}

/** One row per delete: restore it whole, or (admins) delete it for good. Times in the event's zone. */
/** `children`: what to show when the Trash is empty (kept in this component so a last restore still shows its notice). */
export function TrashList({ items, timeZone, children }: { items: TrashItem[]; timeZone: string; children: ReactNode }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [dialog, ask] = useConfirm();
  const [error, setError] = useState<{ id: string; text: string } | null>(null);
  // Shown above the list: the restored item leaves it.
  const [notice, setNotice] = useState<string | null>(null);

  async function restore(item: TrashItem) {
    setBusy(item.id);
    setError(null);
    setNotice(null);
    const res = await apiFetch<{ restored: { accounts: number; people: number } }>(`/api/trash/${item.id}/restore`, { method: "POST" });
    setBusy(null);
    if (!res.success) return setError({ id: item.id, text: res.error });
    setNotice(`Restored ${item.label}: ${counts(res.data.restored)} back in the event.`);
    router.refresh();
  }

  function purge(item: TrashItem) {
    ask(
      {
        title: `Delete ${item.label} for good?`,
        description: `${counts(item)} and everything that hangs off them (their messages, meetings and enrollments) cannot be brought back.`,
        confirmLabel: "Delete for good",
        destructive: true,
      },
      async () => {
        setError(null);
        setNotice(null);
        const res = await apiFetch(`/api/trash/${item.id}`, { method: "DELETE" });
        if (!res.success) return res.error;
        setNotice(`Deleted ${item.label} for good.`);
        router.refresh();
        return null;
      },
    );
  }

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-3">
      {dialog}
      {notice ? <p role="status" className="rounded-md border border-success/40 bg-success/10 px-3 py-2 text-sm">{notice}</p> : null}
      {items.length === 0 ? children : (
      <ul className="min-w-0 divide-y rounded-lg border bg-card" data-testid="trash-list">
        {items.map((item) => (
          <li key={item.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between" data-testid="trash-item">
            <div className="min-w-0">
              <p className="break-words font-medium">{item.label}</p>
              <p className="text-sm text-muted-foreground">
                {counts(item)} · deleted by {item.deletedBy ? (item.deletedBy.name ?? item.deletedBy.email) : "a former teammate"} on {formatInZone(item.createdAt, timeZone)}
              </p>
              {item.names.length > 1 || item.names[0] !== item.label ? (
                <p className="mt-1 truncate text-xs text-muted-foreground">{item.names.join(", ")}{item.accounts + item.people > item.names.length ? ", …" : ""}</p>
              ) : null}
              <Badge variant={item.daysLeft <= 3 ? "warning" : "secondary"} className="mt-2">
                Deleted for good in {item.daysLeft} day{item.daysLeft === 1 ? "" : "s"} ({formatInZone(item.purgesAt, timeZone)})
              </Badge>
              {error?.id === item.id ? <p role="alert" className="mt-2 text-sm text-destructive">{error.text}</p> : null}
            </div>
            <div className="flex shrink-0 flex-wrap gap-2">
              {item.restoreRefusal ? (
                <RefusedButton label="Restore" reason={item.restoreRefusal} />
              ) : (
                <Button size="sm" onClick={() => restore(item)} disabled={busy !== null} aria-label={`Restore ${item.label}`}>
                  {busy === item.id ? <Loader2 className="animate-spin" aria-hidden /> : <RotateCcw aria-hidden />} Restore
                </Button>
              )}
              {item.purgeRefusal ? null : (
                <Button size="sm" variant="outline" className="text-destructive" onClick={() => purge(item)} disabled={busy !== null} aria-label={`Delete ${item.label} for good`}>
                  <Trash2 aria-hidden /> Delete for good
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      )}
    </div>
  );
}
