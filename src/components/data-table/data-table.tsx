"use client";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowData, type RowSelectionState } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/lib/utils";

declare module "@tanstack/react-table" {
  // The list shell's per-column layout hints (TData/TValue are required by the declaration).
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Server sort key; the header becomes a sort button. */
    sort?: string;
    /** Cell and header classes (widths, alignment). */
    className?: string;
    /** From which width the column shows in the table; on phones every row is a card and `card` decides. */
    from?: "md" | "lg" | "xl" | "2xl";
    /** On a phone: "title" (first line, full width), "meta" (small, wraps with the others) or "hidden". */
    card?: "title" | "meta" | "hidden";
  }
}

const FROM: Record<NonNullable<NonNullable<ColumnDef<unknown>["meta"]>["from"]>, string> = {
  md: "md:table-cell",
  lg: "lg:table-cell",
  xl: "xl:table-cell",
  "2xl": "2xl:table-cell",
};

/**
 * The one list shell (accounts, people): a @tanstack/react-table table with server-side
 * sorting (the URL's sort/dir), row selection for bulk actions, and one responsive structure —
 * on a phone each row lays out as a card, on wider screens as a table row; lower-priority
 * columns appear as the screen widens so the last column is never clipped. Nothing is
 * rendered twice for two screen sizes.
 */
export function DataTable<T extends { id: string }>({ rows, columns, sort, dir, onSort, selected, onSelectedChange, rowLabel, testId, dimmed }: {
  rows: T[];
  columns: ColumnDef<T, unknown>[];
  sort: string;
  dir: "asc" | "desc";
  onSort: (column: string, dir: "asc" | "desc") => void;
  selected: Set<string>;
  onSelectedChange: (next: Set<string>) => void;
  rowLabel: (row: T) => string;
  testId: string;
  dimmed?: boolean;
}) {
  const rowSelection: RowSelectionState = Object.fromEntries(rows.filter((r) => selected.has(r.id)).map((r) => [r.id, true]));
  // The table is rebuilt from props on every render (rows are one page from the server), so the
  // compiler's memoisation, which TanStack Table's returned functions defeat, is not needed here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableRowSelection: true,
    state: { rowSelection },
    onRowSelectionChange: (updater) => {
      const next = typeof updater === "function" ? updater(rowSelection) : updater;
      const ids = new Set(selected);
      for (const r of rows) {
        if (next[r.id]) ids.add(r.id);
        else ids.delete(r.id);
      }
      onSelectedChange(ids);
    },
  });

  return (
    <div className={cn("overflow-hidden rounded-lg border bg-card shadow-sm transition-opacity", dimmed && "opacity-60")}>
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="hidden border-b bg-muted/50 text-xs text-muted-foreground md:table-header-group">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              <th className="w-10 px-3 py-2">
                <Checkbox
                  checked={table.getIsAllRowsSelected() ? true : table.getIsSomeRowsSelected() ? "indeterminate" : false}
                  onCheckedChange={(c) => table.toggleAllRowsSelected(c === true)}
                  aria-label="Select all on this page"
                />
              </th>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const active = meta?.sort !== undefined && meta.sort === sort;
                const Icon = active ? (dir === "asc" ? ArrowUp : ArrowDown) : ArrowUpDown;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={cn("px-3 py-2 text-left font-medium", meta?.from ? `hidden ${FROM[meta.from]}` : "", meta?.className)}
                    aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : meta?.sort ? "none" : undefined}
                  >
                    {meta?.sort ? (
                      <button type="button" className="inline-flex cursor-pointer items-center gap-1 whitespace-nowrap hover:text-foreground" onClick={() => onSort(meta.sort!, active && dir === "desc" ? "asc" : "desc")}>
                        {label}
                        <Icon className={cn("size-3.5", active ? "text-foreground" : "opacity-40")} aria-hidden />
                      </button>
                    ) : label}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={cn("flex flex-wrap items-center gap-x-2 gap-y-1 p-3 hover:bg-muted/40 md:table-row md:p-0", row.getIsSelected() && "bg-accent/50")} data-testid="list-row">
              <td className="order-first md:px-3 md:py-2">
                <Checkbox checked={row.getIsSelected()} onCheckedChange={(c) => row.toggleSelected(c === true)} aria-label={`Select ${rowLabel(row.original)}`} />
              </td>
              {row.getVisibleCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                const card = meta?.card ?? "meta";
                return (
                  <td
                    key={cell.id}
                    className={cn(
                      "md:px-3 md:py-2",
                      card === "title" ? "min-w-0 basis-[calc(100%-2.5rem)] md:basis-auto" : card === "hidden" ? "hidden" : "text-xs md:text-sm",
                      meta?.from ? `${card === "hidden" ? "" : "md:hidden"} ${FROM[meta.from]}` : "md:table-cell",
                      meta?.className,
                    )}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext()) as ReactNode}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
