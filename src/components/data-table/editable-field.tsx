"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Check, Loader2, Pencil, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { apiFetch } from "@/lib/api-client";
import { placeApiError } from "@/lib/form-errors";
import { cn } from "@/lib/utils";

type Kind = "text" | "number" | "url" | "email" | "textarea" | "select";

/**
 * Edit one field in place: click, change, then Enter, Save, or just leaving the field (blur)
 * sends a PATCH with only that field — a note is never lost by clicking elsewhere; Escape or
 * Cancel discards. The server's validation message is shown once, under the field, and nothing
 * changes on error (the text stays in the box to fix).
 */
export function EditableField({ endpoint, field, label, value, kind = "text", options, display, placeholder, className, multiline, readOnly }: {
  endpoint: string;
  field: string;
  label: string;
  value: string | number | null;
  kind?: Kind;
  options?: { value: string; label: string }[];
  display?: ReactNode;
  placeholder?: string;
  className?: string;
  multiline?: boolean;
  /** Shown but not editable (the permission matrix refuses the change; the card says why, once). */
  readOnly?: boolean;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(value === null ? "" : String(value));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>(null);
  const cancelled = useRef(false);
  useEffect(() => {
    if (editing) inputRef.current?.focus();
  }, [editing]);

  async function save() {
    const trimmed = text.trim();
    let next: string | number | null = trimmed === "" ? null : trimmed;
    if (kind === "number" && next !== null) {
      const n = Number(trimmed.replace(/[,$\s]/g, ""));
      if (!Number.isFinite(n)) return setError("Enter a number");
      next = n;
    }
    if (next === value || (next === null && value === "")) {
      setEditing(false);
      return;
    }
    setSaving(true);
    setError(null);
    const res = await apiFetch(endpoint, { method: "PATCH", body: { [field]: next } });
    setSaving(false);
    if (!res.success) {
      const placed = placeApiError(res, [field]);
      setError(placed.fieldErrors[field] ?? placed.formError);
      return;
    }
    setEditing(false);
    router.refresh();
  }

  function cancel() {
    cancelled.current = true;
    setEditing(false);
    setError(null);
  }

  const id = `field-${field}`;
  // A select shows its option's label unless told otherwise.
  const shown = display ?? (kind === "select" ? options?.find((o) => o.value === String(value))?.label : undefined) ?? String(value);
  return (
    <div className={cn("group grid gap-1", className)} data-testid={`field-${field}`}>
      <label htmlFor={id} className="text-xs font-medium text-muted-foreground">{label}</label>
      {readOnly ? (
        <div id={id} className={cn("min-h-8 break-words py-1 text-sm", multiline || kind === "textarea" ? "whitespace-pre-wrap" : "", value === null || value === "" ? "text-muted-foreground" : "")}>
          {value === null || value === "" ? "—" : shown}
        </div>
      ) : editing ? (
        <form
          noValidate
          className="flex items-start gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          onBlur={(e) => {
            // Leaving the field saves; moving to its own Save/Cancel buttons does not.
            if (!saving && !cancelled.current && !e.currentTarget.contains(e.relatedTarget as Node | null)) void save();
          }}
        >
          {kind === "select" ? (
            <NativeSelect id={id} ref={inputRef} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === "Escape" && cancel()} className="h-8">
              {options?.map((o) => (
                <option key={o.value} value={o.value}>{o.label}</option>
              ))}
            </NativeSelect>
          ) : kind === "textarea" || multiline ? (
            <textarea
              id={id}
              ref={inputRef}
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={4}
              onKeyDown={(e) => {
                if (e.key === "Escape") cancel();
                if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) void save();
              }}
              className="w-full rounded-md border border-input bg-card px-3 py-2 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-ring"
            />
          ) : (
            <Input
              id={id}
              ref={inputRef}
              type="text"
              inputMode={kind === "number" ? "numeric" : kind === "email" ? "email" : kind === "url" ? "url" : undefined}
              value={text}
              placeholder={placeholder}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => e.key === "Escape" && cancel()}
              className="h-8"
              aria-invalid={error ? true : undefined}
            />
          )}
          <Button type="submit" size="icon" className="size-8 shrink-0" disabled={saving} aria-label={`Save ${label}`}>
            {saving ? <Loader2 className="animate-spin" aria-hidden /> : <Check aria-hidden />}
          </Button>
          <Button type="button" size="icon" variant="ghost" className="size-8 shrink-0" onClick={cancel} aria-label="Cancel">
            <X aria-hidden />
          </Button>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => {
            setText(value === null ? "" : String(value));
            cancelled.current = false;
            setEditing(true);
          }}
          className="flex min-h-8 cursor-pointer items-start gap-2 rounded-md px-1 -mx-1 py-1 text-left text-sm hover:bg-muted"
          aria-label={`Edit ${label}`}
        >
          <span className={cn("min-w-0 flex-1 break-words", multiline || kind === "textarea" ? "whitespace-pre-wrap" : "", value === null || value === "" ? "text-muted-foreground" : "")}>
            {value === null || value === "" ? (placeholder ?? "Add…") : shown}
          </span>
          <Pencil className="mt-0.5 size-3.5 shrink-0 opacity-0 transition-opacity group-hover:opacity-60" aria-hidden />
        </button>
      )}
      {error ? <p role="alert" className="text-xs text-destructive">{error}</p> : null}
    </div>
  );
}
