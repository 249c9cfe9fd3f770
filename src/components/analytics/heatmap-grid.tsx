import { cn } from "@/lib/utils";
import { formatCount } from "@/lib/numbers";

/**
 * An accessible heatmap: a real table (row and column headers), each cell labelled in words
 * for screen readers and titled for a mouse hover, with a legend of the colour scale.
 */
const STEPS = 5;

function level(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((value / max) * STEPS));
}

const LEVEL_CLASS = [
  "bg-muted",
  "bg-[oklch(0.92_0.04_275)]",
  "bg-[oklch(0.82_0.09_275)]",
  "bg-[oklch(0.7_0.15_275)]",
  "bg-[oklch(0.58_0.2_275)]",
  "bg-[oklch(0.45_0.21_275)]",
];

export type HeatRow = { key: string; label: string; cells: { key: string; value: number; label: string }[] };

export function HeatmapGrid({ caption, rows, columns, testId, rowHeader }: {
  caption: string;
  rows: HeatRow[];
  columns: { key: string; label: string; short?: string }[];
  testId: string;
  rowHeader: string;
}) {
  const max = Math.max(0, ...rows.flatMap((r) => r.cells.map((c) => c.value)));
  return (
    <div className="relative overflow-x-auto" data-testid={testId}>
      <table className={cn("border-separate border-spacing-0.5 text-xs", columns.length >= 12 && "w-full min-w-[640px]")} aria-label={caption}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="sr-only">{rowHeader}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="px-0.5 pb-1 text-center font-normal text-muted-foreground">
                <span aria-hidden>{c.short ?? c.label}</span>
                <span className="sr-only">{c.label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" className="max-w-40 truncate pr-2 text-left font-medium" title={r.label}>{r.label}</th>
              {r.cells.map((c) => (
                <td key={c.key} title={c.label} aria-label={c.label} className={cn("h-6 min-w-6 rounded-sm text-center", LEVEL_CLASS[level(c.value, max)])} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex items-center gap-2 text-xs text-muted-foreground" aria-label="Legend">
        <span>Less</span>
        {LEVEL_CLASS.map((cls, i) => (
          <span key={cls} className={cn("size-4 rounded-sm", cls)} title={i === 0 ? "No engagement" : `Up to ${Math.ceil((max * i) / STEPS)}`} />
        ))}
        <span>More (max {formatCount(max)} per cell)</span>
      </div>
    </div>
  );
}
