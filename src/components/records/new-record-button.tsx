"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Loader2, Plus } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiFetch } from "@/lib/api-client";

export type RecordField = {
  name: string;
  label: string;
  type?: "text" | "email" | "url" | "number";
  required?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
};

/**
 * "Add account" / "Add person": a small form that POSTs the filled fields to the API and opens
 * the new record. The server validates; its field messages are shown next to the fields.
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
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const body: Record<string, unknown> = { ...fixed };
    for (const field of fields) {
      const raw = String(data.get(field.name) ?? "").trim();
      if (raw === "") continue;
      body[field.name] = field.type === "number" ? Number(raw.replace(/[,\s]/g, "")) : raw;
    }
    setSaving(true);
    setError(null);
    setFieldErrors({});
    const result = await apiFetch<{ id: string }>(endpoint, { method: "POST", body });
    setSaving(false);
    if (!result.success) {
      setError(result.error);
      const details = Array.isArray(result.details) ? (result.details as { path: string; message: string }[]) : [];
      setFieldErrors(Object.fromEntries(details.map((d) => [d.path, d.message])));
      return;
    }
    setOpen(false);
    router.push(`${detailPath}/${result.data.id}`);
  }

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
          <form onSubmit={onSubmit} className="grid gap-3" noValidate>
            {fields.map((field) => (
              <div key={field.name} className="grid gap-1.5">
                <Label htmlFor={`new-${field.name}`}>{field.label}{field.required ? " *" : ""}</Label>
                <Input
                  id={`new-${field.name}`}
                  name={field.name}
                  type={field.type === "number" ? "text" : (field.type ?? "text")}
                  inputMode={field.type === "number" ? "numeric" : undefined}
                  required={field.required}
                  placeholder={field.placeholder}
                  autoFocus={field.autoFocus}
                  aria-invalid={fieldErrors[field.name] ? true : undefined}
                  aria-describedby={fieldErrors[field.name] ? `new-${field.name}-error` : undefined}
                />
                {fieldErrors[field.name] ? <p id={`new-${field.name}-error`} className="text-xs text-destructive">{fieldErrors[field.name]}</p> : null}
              </div>
            ))}
            {error ? <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">{error}</p> : null}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" disabled={saving}>{saving ? <Loader2 className="animate-spin" aria-hidden /> : null} Create</Button>
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
