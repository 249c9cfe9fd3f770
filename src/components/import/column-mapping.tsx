import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";
import { FIELD_OPTIONS, type Preview } from "@/components/import/types";
import { SimpleTable } from "@/components/ui/simple-table";
import { formatCount } from "@/lib/numbers";

/** Step 2: which field each column of the file feeds (matched automatically, changeable). */
export function ColumnMapping({ preview, fileName, busy, onChange }: {
  preview: Preview;
  fileName: string;
  busy: boolean;
  onChange: (header: string, value: string) => void;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>2. Check the columns</CardTitle>
        <CardDescription>
          {fileName} · {formatCount(preview.totalRows)} rows · {preview.delimiter === "," ? "comma" : preview.delimiter === ";" ? "semicolon" : "tab"} separated.
          Columns were matched automatically; change any that are wrong.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <SimpleTable columns={["Column in your file", { label: "Sample values", className: "hidden sm:table-cell" }, "Import as"]}>
          {preview.headers.map((header) => (
            <tr key={header}>
              <td className="px-3 py-2 font-medium break-words">{header}</td>
              <td className="hidden max-w-[260px] truncate px-3 py-2 text-muted-foreground sm:table-cell">{[...new Set(preview.samples[header] ?? [])].filter(Boolean).join(" · ") || "—"}</td>
              <td className="px-3 py-2">
                <select
                  aria-label={`Import ${header} as`}
                  value={preview.mapping[header] ?? ""}
                  disabled={busy}
                  onChange={(e) => onChange(header, e.target.value)}
                  className={cn("h-8 w-full rounded-md border border-input bg-card px-2 text-sm", !preview.mapping[header] && "text-muted-foreground")}
                >
                  <option value="">Don’t import</option>
                  {(["Company", "Person"] as const).map((group) => (
                    <optgroup key={group} label={group}>
                      {FIELD_OPTIONS.filter((f) => f.group === group).map((f) => (
                        <option key={f.key} value={f.key}>
                          {f.label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </SimpleTable>
      </CardContent>
    </Card>
  );
}
