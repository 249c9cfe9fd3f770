"use client";
import { useRef, useState } from "react";
import { AlertTriangle, Loader2, OctagonX } from "lucide-react";
import { useDebouncedApi } from "@/lib/use-debounced-api";
import { MERGE_FIELDS, MERGE_FIELD_LABELS, MERGE_GROUP_LABELS, type MergeGroup } from "@/lib/merge-fields";
import { NativeSelect } from "@/components/ui/native-select";
import { cn } from "@/lib/utils";

/**
 * The merge-field tools every message editor shares (composer, message edit, templates,
 * sequence steps): a picker that inserts `{{field}}` where the cursor was, and a live preview
 * for the real recipient rendered by the server with the same renderer the send path uses.
 */

type TextTarget = HTMLInputElement | HTMLTextAreaElement;

/**
 * Remembers which of the editor's text fields had focus last, and inserts a token at its cursor.
 * `setValue(name, next)` writes the new text into the editor's state.
 */
export function useFieldInsertion<N extends string>(fallback: N, setValue: (name: N, next: string) => void) {
  const refs = useRef(new Map<N, TextTarget>());
  const last = useRef<N>(fallback);
  const register = (name: N) => ({
    ref: (el: TextTarget | null) => {
      if (el) refs.current.set(name, el);
      else refs.current.delete(name);
    },
    onFocus: () => {
      last.current = name;
    },
  });
  function insert(token: string) {
    const name = refs.current.has(last.current) ? last.current : fallback;
    const el = refs.current.get(name);
    if (!el) return;
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? start;
    setValue(name, el.value.slice(0, start) + token + el.value.slice(end));
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + token.length, start + token.length);
    });
  }
  return { register, insert };
}

export function MergeFieldPicker({ onInsert, id, className }: { onInsert: (token: string) => void; id?: string; className?: string }) {
  return (
    <NativeSelect
      id={id}
      aria-label="Insert a merge field"
      className={cn("h-8 w-auto text-xs", className)}
      value=""
      data-testid="merge-field-picker"
      onChange={(e) => {
        if (e.target.value) onInsert(`{{${e.target.value}}}`);
      }}
    >
      <option value="">Insert merge field…</option>
      {(Object.keys(MERGE_FIELDS) as MergeGroup[]).map((group) => (
        <optgroup key={group} label={MERGE_GROUP_LABELS[group]}>
          {MERGE_FIELDS[group].map((field) => (
            <option key={field} value={`${group}.${field}`}>{MERGE_FIELD_LABELS[`${group}.${field}`]} — {`{{${group}.${field}}}`}</option>
          ))}
        </optgroup>
      ))}
    </NativeSelect>
  );
}

export type PreviewResult = { subject: string; body: string; missing: string[]; unknown: string[]; signature: string | null };

/** Renders subject and body for one person as the server will send them, a moment after typing stops. */
export function useMessagePreview(personId: string | null, subject: string, body: string): { preview: PreviewResult | null; loading: boolean; error: string | null } {
  const [state, setState] = useState<{ preview: PreviewResult | null; loading: boolean; error: string | null }>({ preview: null, loading: false, error: null });
  useDebouncedApi<PreviewResult>(
    personId && body.trim() ? { url: "/api/templates/preview", method: "POST", body: { personId, subject, body } } : null,
    300,
    (res) => setState(res.success ? { preview: res.data, loading: false, error: null } : { preview: null, loading: false, error: res.error }),
    () => setState((s) => ({ ...s, loading: true })),
  );
  return personId && body.trim() ? state : { preview: null, loading: false, error: null };
}

/** What the recipient will read, with the fields that are empty for them or do not exist. */
export function MessagePreview({ recipientName, preview, loading, error, showSubject, signature }: {
  recipientName: string;
  preview: PreviewResult | null;
  loading: boolean;
  error: string | null;
  showSubject: boolean;
  /** The signature added under an email when it is sent. */
  signature?: string | null;
}) {
  if (error) return <p className="text-sm text-destructive">{error}</p>;
  if (!preview) return <p className="text-sm text-muted-foreground">{loading ? "Rendering the preview…" : "Write something to preview it."}</p>;
  return (
    <div className={cn("grid gap-2 transition-opacity", loading && "opacity-60")} data-testid="message-preview">
      <MergeWarnings recipientName={recipientName} missing={preview.missing} unknown={preview.unknown} />
      {showSubject ? <p className="text-sm"><span className="text-muted-foreground">Subject: </span><span className="font-medium" data-testid="preview-subject">{preview.subject}</span></p> : null}
      <div className="max-h-72 overflow-y-auto whitespace-pre-wrap break-words rounded-md bg-muted/50 p-3 text-sm" data-testid="preview-body">
        {preview.body}
        {signature ? <span className="mt-3 block text-muted-foreground" title="Your signature, added when the email is sent">{signature}</span> : null}
      </div>
      {loading ? <Loader2 className="size-3.5 animate-spin text-muted-foreground" aria-label="Updating the preview" /> : null}
    </div>
  );
}

export function MergeWarnings({ recipientName, missing, unknown }: { recipientName?: string; missing: string[]; unknown: string[] }) {
  if (missing.length === 0 && unknown.length === 0) return null;
  return (
    <div className="grid gap-1.5" data-testid="merge-warnings">
      {unknown.length ? (
        <p role="alert" className="flex gap-1.5 rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm">
          <OctagonX className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
          <span>
            {unknown.map((f) => <code key={f} className="mr-1">{`{{${f}}}`}</code>)}
            {unknown.length === 1 ? "is not a merge field" : "are not merge fields"}: it would reach the recipient with the braces, so sending is blocked until you fix it.
          </span>
        </p>
      ) : null}
      {missing.length ? (
        <p className="flex gap-1.5 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
          <AlertTriangle className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
          <span>
            Empty{recipientName ? ` for ${recipientName}` : ""}: {missing.map((f) => MERGE_FIELD_LABELS[f] ?? f).join(", ")}. The preview shows the fallback that will be used instead.
          </span>
        </p>
      ) : null}
    </div>
  );
}
