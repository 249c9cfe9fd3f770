"use client";
import { useCallback, useState, type ReactNode } from "react";
import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";

/**
 * The app's "are you sure?": a dialog in the page's own style (never the browser's `confirm()`,
 * which cannot be styled, blocks the page and reads like an error). The action runs from the
 * dialog and its failure is shown inside it, next to the buttons.
 */
export type ConfirmOptions = {
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  /** A second way to go ahead, e.g. "Cancel without emailing them". */
  alternativeLabel?: string;
  cancelLabel?: string;
};

type ConfirmChoice = "confirm" | "alternative";

type Pending = ConfirmOptions & { run: (choice: ConfirmChoice) => Promise<string | null | void> };

/**
 * `const [dialog, ask] = useConfirm()`; render `dialog`, then
 * `ask({ title, confirmLabel }, async (choice) => { …; return errorMessageOrNull })`.
 */
export function useConfirm(): [ReactNode, (options: ConfirmOptions, run: Pending["run"]) => void] {
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState<ConfirmChoice | null>(null);
  const [error, setError] = useState<string | null>(null);

  const ask = useCallback((options: ConfirmOptions, run: Pending["run"]) => {
    setError(null);
    setPending({ ...options, run });
  }, []);

  async function choose(choice: ConfirmChoice) {
    if (!pending) return;
    setBusy(choice);
    setError(null);
    const failure = await pending.run(choice);
    setBusy(null);
    if (failure) setError(failure);
    else setPending(null);
  }

  const dialog = (
    <Dialog open={pending !== null} onOpenChange={(open) => (open || busy ? undefined : setPending(null))}>
      <DialogContent data-testid="confirm-dialog">
        <DialogTitle>{pending?.title}</DialogTitle>
        {pending?.description ? <DialogDescription>{pending.description}</DialogDescription> : <DialogDescription className="sr-only">Confirm to continue</DialogDescription>}
        <FormMessage message={error ? { kind: "error", text: error } : null} />
        <DialogFooter>
          <Button variant="outline" onClick={() => setPending(null)} disabled={busy !== null}>{pending?.cancelLabel ?? "Cancel"}</Button>
          {pending?.alternativeLabel ? (
            <Button variant="outline" onClick={() => choose("alternative")} disabled={busy !== null}>
              {busy === "alternative" ? <Loader2 className="animate-spin" aria-hidden /> : null} {pending.alternativeLabel}
            </Button>
          ) : null}
          <Button variant={pending?.destructive ? "destructive" : "default"} onClick={() => choose("confirm")} disabled={busy !== null}>
            {busy === "confirm" ? <Loader2 className="animate-spin" aria-hidden /> : null} {pending?.confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
  return [dialog, ask];
}
