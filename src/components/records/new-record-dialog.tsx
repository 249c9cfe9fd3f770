"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch } from "@/lib/api-client";
import { enterMovesOn } from "@/lib/enter-moves-on";
import { placeApiError } from "@/lib/form-errors";
// Installs the one zod error map, so the browser's check words a problem as the server would.
import "@/lib/validation";
import type { RecordField } from "./record-field";
import { FormMessage } from "@/components/ui/form-message";

/**
 * The browser's first check of a field, worded by the same mapping as the server's answer
 * (src/lib/validation.ts): "Enter a first name", "Enter a valid email address".
 */
function fieldSchema(field: RecordField) {
  const text = z.string().trim();
  const check = field.type === "email" ? z.email() : field.type === "url" ? z.url({ protocol: /^https?$/ }) : field.type === "number" ? z.string().regex(/^[\d,\s]+$/, "Enter a whole number") : null;
  if (field.required) return check ? text.min(1).pipe(check) : text.min(1);
  return check ? text.pipe(z.union([z.literal(""), check])) : text;
}

/** NewRecordButton's dialog and form (react-hook-form and zod), loaded when the button is first pressed. */
export function NewRecordDialog({ open, setOpen, title, description, endpoint, fields, fixed, detailPath }: {
  open: boolean;
  setOpen: (open: boolean) => void;
  title: string;
  description: string;
  endpoint: string;
  fields: RecordField[];
  fixed: Record<string, string>;
  detailPath: string;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(() => z.object(Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)]))), [fields]);
  const form = useForm<Record<string, string>>({ resolver: zodResolver(schema), defaultValues: Object.fromEntries(fields.map((f) => [f.name, ""])) });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const body: Record<string, unknown> = { ...fixed };
    for (const field of fields) {
      const raw = String(values[field.name] ?? "").trim();
      if (raw === "") continue;
      body[field.name] = field.type === "number" ? Number(raw.replace(/[,\s]/g, "")) : raw;
    }
    const result = await apiFetch<{ id: string }>(endpoint, { method: "POST", body });
    if (!result.success) {
      const placed = placeApiError(result, fields.map((f) => f.name));
      for (const [name, message] of Object.entries(placed.fieldErrors)) form.setError(name, { message });
      setFormError(placed.formError);
      return;
    }
    setOpen(false);
    form.reset();
    router.push(`${detailPath}/${result.data.id}`);
  });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} onKeyDown={enterMovesOn} className="grid gap-3" noValidate>
          {fields.map((field) => {
            const error = errors[field.name]?.message;
            return (
              <div key={field.name} className="grid gap-1.5">
                <Label htmlFor={`new-${field.name}`}>{field.label}{field.required ? " *" : ""}</Label>
                <Input
                  id={`new-${field.name}`}
                  type={field.type === "number" ? "text" : (field.type ?? "text")}
                  inputMode={field.type === "number" ? "numeric" : undefined}
                  placeholder={field.placeholder}
                  autoFocus={field.autoFocus}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `new-${field.name}-error` : undefined}
                  {...form.register(field.name)}
                />
                {error ? <p id={`new-${field.name}-error`} className="text-xs text-destructive" data-testid="field-error">{error}</p> : null}
              </div>
            );
          })}
          <FormMessage message={formError ? { kind: "error", text: formError } : null} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" disabled={isSubmitting}>{isSubmitting ? <Loader2 className="animate-spin" aria-hidden /> : null} Create</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

