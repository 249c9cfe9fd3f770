"use client";
import dynamic from "next/dynamic";
import { useCallback, useState, type ReactNode } from "react";

const ConfirmDialogView = dynamic(() => import("./confirm-dialog-view").then((m) => m.ConfirmDialogView), { ssr: false });

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

export type ConfirmChoice = "confirm" | "alternative";

export type Pending = ConfirmOptions & { run: (choice: ConfirmChoice) => Promise<string | null | void> };

/**
 * `const [dialog, ask] = useConfirm()`; render `dialog`, then
 * `ask({ title, confirmLabel }, async (choice) => { …; return errorMessageOrNull })`.
 */
export function useConfirm(): [ReactNode, (options: ConfirmOptions, run: Pending["run"]) => void] {
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState<ConfirmChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(false);

  const ask = useCallback((options: ConfirmOptions, run: Pending["run"]) => {
    setAsked(true);
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

  // The dialog itself (Radix Dialog with its focus trap and scroll lock) loads the first time a
  // question is asked, then stays mounted so it can close and hand focus back. Most pages render
  // this hook and never ask; they no longer parse the dialog on load (docs/PERFORMANCE.md,
  // "Lighthouse, round 9").
  const dialog = asked ? (
    <ConfirmDialogView pending={pending} busy={busy} error={error} onDismiss={() => setPending(null)} onChoose={choose} />
  ) : null;
  return [dialog, ask];
}
