"use client";
import { TRASH_DAYS } from "@/lib/trash";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Loader2, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { apiFetch } from "@/lib/api-client";
import { RefusedButton } from "@/components/ui/refused-button";

/** `refusal`: why the signed-in teammate may not delete this person (the button is then disabled and says so). */
export function DeletePersonButton({ id, name, refusal }: { id: string; name: string; refusal?: string | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function confirm() {
    setBusy(true);
    const res = await apiFetch(`/api/people/${id}`, { method: "DELETE" });
    setBusy(false);
    if (!res.success) return setError(res.error);
    router.push("/dashboard/people");
    router.refresh();
  }
  if (refusal) return <RefusedButton label="Delete" reason={refusal} />;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-destructive" aria-label={`Delete ${name}`}><Trash2 aria-hidden /> Delete</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Move {name} to the Trash?</DialogTitle>
        <DialogDescription>Their sequences stop and queued messages are cancelled. Restoring them from Settings → Trash within {TRASH_DAYS} days puts everything back.</DialogDescription>
        {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="destructive" onClick={confirm} disabled={busy}>{busy ? <Loader2 className="animate-spin" aria-hidden /> : <Trash2 aria-hidden />} Delete</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
