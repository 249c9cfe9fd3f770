"use client";
import { TRASH_DAYS } from "@/lib/trash";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { History, Loader2, RotateCcw } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { apiFetch } from "@/lib/api-client";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { formatInZone } from "@/lib/time";
import type { ImportHistoryItem } from "@/components/import/types";
import { FormMessage } from "@/components/ui/form-message";

const STATUS: Record<ImportHistoryItem["status"], { label: string; variant: "success" | "secondary" | "destructive" }> = {
  COMPLETED: { label: "Completed", variant: "success" },
  UNDONE: { label: "Undone", variant: "secondary" },
  FAILED: { label: "Failed", variant: "destructive" },
};

export function ImportHistory({ items, total, timeZone }: { items: ImportHistoryItem[]; total: number; timeZone: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [dialog, ask] = useConfirm();

  function undo(item: ImportHistoryItem) {
    ask({ title: `Undo the import of ${item.fileName ?? "this file"}?`, description: `Created records go to the Trash (restorable for ${TRASH_DAYS} days) and updated ones get their previous values back.`, confirmLabel: "Undo import", destructive: true }, async () => {
      setBusy(item.id);
      const result = await apiFetch<{ deleted: { accounts: number; people: number } }>(`/api/import/${item.id}/undo`, { method: "POST" });
      setBusy(null);
      if (!result.success) return result.error;
      setMessage({ kind: "ok", text: `Undone: removed ${result.data.deleted.accounts} accounts and ${result.data.deleted.people} people.` });
      router.refresh();
      return null;
    });
  }

  return (
    <Card>
      {dialog}
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <History className="size-4" aria-hidden /> Recent imports
        </CardTitle>
        <CardDescription>The most recent import of this event can be undone.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <FormMessage message={message} />
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">No imports into this event yet.</p>
        ) : (
          <ul className="divide-y rounded-lg border" aria-label="Import history" data-testid="import-history">
            {items.map((item) => (
              <li key={item.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <div className="flex items-center gap-2">
                    <span className="truncate text-sm font-medium">{item.fileName ?? "CSV file"}</span>
                    <Badge variant={STATUS[item.status].variant}>{STATUS[item.status].label}</Badge>
                  </div>
                  <div className="text-xs text-muted-foreground">
                    {formatInZone(item.createdAt, timeZone)} · {item.user?.name ?? item.user?.email ?? "Someone"} ·{" "}
                    {item.mode === "upsert" ? "create and update" : "create only"}
                  </div>
                </div>
                <div className="flex gap-3 text-xs tabular-nums text-muted-foreground">
                  <span><strong className="text-foreground">{item.created}</strong> created</span>
                  <span><strong className="text-foreground">{item.updated}</strong> updated</span>
                  <span><strong className="text-foreground">{item.skipped}</strong> skipped</span>
                </div>
                {item.canUndo ? (
                  <Button variant="ghost" size="sm" onClick={() => undo(item)} disabled={busy !== null}>
                    {busy === item.id ? <Loader2 className="animate-spin" aria-hidden /> : <RotateCcw aria-hidden />} Undo
                  </Button>
                ) : item.undoRefusal ? (
                  <span className="text-xs text-muted-foreground">{item.undoRefusal}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {total > items.length ? <p className="text-xs text-muted-foreground">Showing the latest {items.length} of {total} imports.</p> : null}
      </CardContent>
    </Card>
  );
}
