"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { Loader2, Plus } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch } from "@/lib/api-client";
import { enterMovesOn } from "@/lib/enter-moves-on";
import { placeApiError } from "@/lib/form-errors";

export type RecordField = {
  name: string;
  label: string;
  type?: "text" | "email" | "url" | "number";
  required?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
};

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

/**
 * "Add account" / "Add person": a small form that POSTs the filled fields to the API and opens
 * the new record. Each problem — found in the browser or by the server — is shown once, under
 * its field; only a problem that belongs to no field appears above the buttons.
 */
export function NewRecordButton({ label, title, description, endpoint, fields, fixed = {}, detailPath, variant = "default" }: {
  label: string;
  title: string;
  description: string;
  endpoint: string;
  fields: RecordField[];
  /** Values sent with every create, e.g. the account a person belongs to. */
  fixed?: Record<string, string>;
  /** Where the new record lives: the id is appended. */
  detailPath: string;
  variant?: ButtonProps["variant"];
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
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
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        <Plus aria-hidden /> {label}
      </Button>
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
            {formError ? <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">{formError}</p> : null}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" disabled={isSubmitting}>{isSubmitting ? <Loader2 className="animate-spin" aria-hidden /> : null} Create</Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}

export const ACCOUNT_FIELDS: RecordField[] = [
  { name: "name", label: "Company name", required: true, autoFocus: true, placeholder: "Harmon Logistics" },
  { name: "website", label: "Website", type: "url", placeholder: "https://harmon-logistics.com" },
  { name: "industry", label: "Industry", placeholder: "3PL" },
  { name: "headquarters", label: "Headquarters", placeholder: "Columbus, OH" },
  { name: "employeeCount", label: "Employees", type: "number", placeholder: "1200" },
  { name: "facilityCount", label: "Facilities / DCs", type: "number", placeholder: "8" },
];

export const PERSON_FIELDS: RecordField[] = [
  { name: "firstName", label: "First name", required: true, autoFocus: true },
  { name: "lastName", label: "Last name" },
  { name: "title", label: "Title", placeholder: "Director of Transportation" },
  { name: "email", label: "Email", type: "email", placeholder: "name@company.com" },
  { name: "phone", label: "Phone" },
];
