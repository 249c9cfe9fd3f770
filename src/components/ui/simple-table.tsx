import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A header cell: its text (or control) and the classes that place it (alignment, width, breakpoints). */
type SimpleColumn = string | { label: ReactNode; className?: string };

/**
 * The plain table inside a card (import preview and report, research queue, job queue): a
 * bordered box that scrolls sideways on a phone, a small-caps header row, rows divided by rules.
 * The rows are the caller's; lists with sorting, selection and paging use DataTable instead.
 */
export function SimpleTable({ columns, label, className, tableClassName, cellClassName = "px-3 py-2", children }: {
  columns: SimpleColumn[];
  /** What the table holds, for screen readers. */
  label?: string;
  className?: string;
  tableClassName?: string;
  /** The header cells' padding; the rows' cells should match it. */
  cellClassName?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("overflow-x-auto rounded-lg border", className)}>
      <table className={cn("w-full text-sm", tableClassName)} aria-label={label}>
        <thead className="bg-muted/60 text-left text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            {columns.map((column, i) => {
              const { label: text, className: placed } = typeof column === "string" ? { label: column, className: undefined } : column;
              return <th key={i} className={cn(cellClassName, "font-medium", placed)}>{text}</th>;
            })}
          </tr>
        </thead>
        <tbody className="divide-y">{children}</tbody>
      </table>
    </div>
  );
}
