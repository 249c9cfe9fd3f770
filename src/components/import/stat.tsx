import { cn } from "@/lib/utils";
import { formatCount } from "@/lib/numbers";

/** One labelled count of the import's preview or report. */
export function Stat({ label, value, tone }: { label: string; value: number; tone?: "success" | "warning" | "destructive" }) {
  return (
    <div className="rounded-lg border bg-card px-3 py-2">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={cn("text-xl font-semibold tabular-nums", tone === "success" && "text-success", tone === "warning" && "text-warning", tone === "destructive" && "text-destructive")}>
        {formatCount(value)}
      </dd>
    </div>
  );
}
