"use client";
import { TRASH_DAYS } from "@/lib/trash";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Loader2, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { apiFetch } from "@/lib/api-client";
import { RefusedButton } from "@/components/ui/refused-button";

/** Move to the Trash with confirmation: the account only (its people stay, unlinked) unless the box is ticked. */
export function DeleteAccountButton({ id, name, peopleCount, refusal }: { id: string; name: string; peopleCount: number; refusal?: string | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [withPeople, setWithPeople] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    const res = await apiFetch(`/api/accounts/${id}?deletePeople=${withPeople}`, { method: "DELETE" });
    setBusy(false);
    if (!res.success) return setError(res.error);
    router.push("/dashboard/accounts");
    router.refresh();
  }

  if (refusal) return <RefusedButton label="Delete" reason={refusal} />;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" className="text-destructive"><Trash2 aria-hidden /> Delete</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>Move {name} to the Trash?</DialogTitle>
        <DialogDescription>
          It leaves every list; restoring it from Settings → Trash within {TRASH_DAYS} days puts it back with its dossier.{" "}
          {peopleCount > 0 ? `Its ${peopleCount} ${peopleCount === 1 ? "person stays" : "people stay"} in the event without an account unless you tick the box.` : ""}
        </DialogDescription>
        {peopleCount > 0 ? (
          <label className="flex items-center gap-2 text-sm">
            <Checkbox checked={withPeople} onCheckedChange={(c) => setWithPeople(c === true)} /> Also move its {peopleCount} {peopleCount === 1 ? "person" : "people"} to the Trash
          </label>
        ) : null}
        {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="destructive" onClick={confirm} disabled={busy}>
            {busy ? <Loader2 className="animate-spin" aria-hidden /> : <Trash2 aria-hidden />} Delete
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
