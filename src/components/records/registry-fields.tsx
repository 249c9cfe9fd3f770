import { EditableField } from "@/components/data-table/editable-field";
import { formatNumber } from "@/components/data-table/format";
import { formatUsd } from "@/lib/numbers";
import { formFields, type FieldSpec } from "@/lib/fields/define";

/**
 * The in-place editors of a record's page for every field its registry gives a standard
 * widget (`form` in src/lib/fields), in declaration order: a new field with a plain widget
 * appears here with no change to the page. `part` splits the short fields from the long ones
 * (textareas, full width), so a page can put its special editors (selects, toggles) between.
 */
export function RegistryFields({ fields, record, endpoint, readOnly, part, placeholders }: {
  fields: Record<string, FieldSpec>;
  record: object;
  endpoint: string;
  readOnly: boolean;
  part: "short" | "long";
  /** Placeholders that depend on data (an industry the event already uses). */
  placeholders?: Record<string, string>;
}) {
  const values = record as Record<string, unknown>;
  return formFields(fields)
    .filter(({ form }) => (form.widget === "textarea") === (part === "long"))
    .map(({ key, label, form }) => {
      const raw = values[key];
      const value = typeof raw === "string" || typeof raw === "number" ? raw : null;
      const number = typeof value === "number" ? value : null;
      return (
        <EditableField
          key={key}
          readOnly={readOnly}
          endpoint={endpoint}
          field={key}
          label={label}
          value={value}
          kind={form.widget}
          placeholder={placeholders?.[key] ?? form.placeholder}
          display={form.display === "usd" ? formatUsd(number) : form.display === "number" ? formatNumber(number) : undefined}
          className={form.widget === "textarea" ? "sm:col-span-2" : undefined}
        />
      );
    });
}

type Teammate = { id: string; name: string | null; email: string };

/** The "Assigned rep" editor of an account's or a person's page: a teammate, or nobody. */
export function AssigneeField({ record, team, endpoint, readOnly }: {
  record: { assignedToId: string | null; assignedTo: Teammate | null };
  team: readonly Teammate[];
  endpoint: string;
  readOnly: boolean;
}) {
  return (
    <EditableField
      readOnly={readOnly}
      endpoint={endpoint}
      field="assignedToId"
      label="Assigned rep"
      value={record.assignedToId ?? ""}
      kind="select"
      display={record.assignedTo ? (record.assignedTo.name ?? record.assignedTo.email) : undefined}
      placeholder="Unassigned"
      options={[{ value: "", label: "Unassigned" }, ...team.map((u) => ({ value: u.id, label: u.name ?? u.email }))]}
    />
  );
}
