"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Plus } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";
import type { RecordField } from "./record-field";

// The form's code (react-hook-form, zod and the dialog) loads when the button is first pressed:
// the list pages carry the button, and most visits never add a record.
const NewRecordDialog = dynamic(() => import("./new-record-dialog").then((m) => m.NewRecordDialog), { ssr: false });

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
  const [open, setOpen] = useState(false);
  // Mounted once first opened, then kept: what was typed survives closing the dialog.
  const [opened, setOpened] = useState(false);
  if (open && !opened) setOpened(true);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        <Plus aria-hidden /> {label}
      </Button>
      {opened ? <NewRecordDialog open={open} setOpen={setOpen} title={title} description={description} endpoint={endpoint} fields={fields} fixed={fixed} detailPath={detailPath} /> : null}
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
