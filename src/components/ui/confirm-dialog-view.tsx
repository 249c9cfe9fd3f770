"use client";
import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import type { ConfirmChoice, Pending } from "./confirm-dialog";

/** What `useConfirm` shows (loaded when the first question is asked): the question, its error, the choices. */
export function ConfirmDialogView({ pending, busy, error, onDismiss, onChoose }: {
  pending: Pending | null;
  busy: ConfirmChoice | null;
  error: string | null;
  onDismiss: () => void;
  onChoose: (choice: ConfirmChoice) => void;
}) {
  return (
    <Dialog open={pending !== null} onOpenChange={(open) => (open || busy ? undefined : onDismiss())}>
      <DialogContent data-testid="confirm-dialog">
        <DialogTitle>{pending?.title}</DialogTitle>
        {pending?.description ? <DialogDescription>{pending.description}</DialogDescription> : <DialogDescription className="sr-only">Confirm to continue</DialogDescription>}
        <FormMessage message={error ? { kind: "error", text: error } : null} />
        <DialogFooter>
          <Button variant="outline" onClick={onDismiss} disabled={busy !== null}>{pending?.cancelLabel ?? "Cancel"}</Button>
          {pending?.alternativeLabel ? (
            <Button variant="outline" onClick={() => onChoose("alternative")} disabled={busy !== null}>
              {busy === "alternative" ? <Loader2 className="animate-spin" aria-hidden /> : null} {pending.alternativeLabel}
            </Button>
          ) : null}
          <Button variant={pending?.destructive ? "destructive" : "default"} onClick={() => onChoose("confirm")} disabled={busy !== null}>
            {busy === "confirm" ? <Loader2 className="animate-spin" aria-hidden /> : null} {pending?.confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
