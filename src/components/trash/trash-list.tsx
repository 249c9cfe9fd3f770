"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Loader2, RotateCcw, Trash2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RefusedButton } from "@/components/ui/refused-button";
import { formatWhen } from "@/components/outreach/format";
import { apiFetch } from "@/lib/api-client";

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
  if (item.accounts) parts.push(`${item.accounts.toLocaleString("en-US")} account${item.accounts === 1 ? "" : "s"}`);
  if (item.people) parts.push(`${item.people.toLocaleString("en-US")} ${item.people === 1 ? "person" : "people"}`);
  return parts.join(" and ") || "nothing";
}

/** One row per delete: restore it whole, or (admins) delete it for good. Times in the event's zone. */
export function TrashList({ items, timeZone }: { items: TrashItem[]; timeZone: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ id: string; text: string; error: boolean } | null>(null);

  async function restore(item: TrashItem) {
    setBusy(item.id);
    setMessage(null);
    const res = await apiFetch<{ restored: { accounts: number; people: number } }>(`/api/trash/${item.id}/restore`, { method: "POST" });
    setBusy(null);
    if (!res.success) return setMessage({ id: item.id, text: res.error, error: true });
    setMessage({ id: item.id, text: `Restored ${counts(res.data.restored)}.`, error: false });
    router.refresh();
  }

  async function purge(item: TrashItem) {
    if (!window.confirm(`Delete ${item.label} for good? ${counts(item)} and everything that hangs off them (their messages, meetings and enrollments) cannot be brought back.`)) return;
    setBusy(item.id);
    setMessage(null);
    const res = await apiFetch(`/api/trash/${item.id}`, { method: "DELETE" });
    setBusy(null);
    if (!res.success) return setMessage({ id: item.id, text: res.error, error: true });
    router.refresh();
  }

  return (
    <ul className="divide-y rounded-lg border bg-card" data-testid="trash-list">
      {items.map((item) => (
        <li key={item.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between" data-testid="trash-item">
          <div className="min-w-0">
            <p className="font-medium break-words">{item.label}</p>
            <p className="text-sm text-muted-foreground">
              {counts(item)} · deleted by {item.deletedBy ? (item.deletedBy.name ?? item.deletedBy.email) : "a former teammate"} on {formatWhen(item.createdAt, timeZone)}
            </p>
            {item.names.length > 1 || item.names[0] !== item.label ? (
              <p className="mt-1 truncate text-xs text-muted-foreground">{item.names.join(", ")}{item.accounts + item.people > item.names.length ? ", …" : ""}</p>
            ) : null}
            <Badge variant={item.daysLeft <= 3 ? "warning" : "secondary"} className="mt-2">
              Deleted for good in {item.daysLeft} day{item.daysLeft === 1 ? "" : "s"} ({formatWhen(item.purgesAt, timeZone)})
            </Badge>
            {message?.id === item.id ? <p role={message.error ? "alert" : "status"} className={message.error ? "mt-2 text-sm text-destructive" : "mt-2 text-sm text-success"}>{message.text}</p> : null}
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
  );
}
