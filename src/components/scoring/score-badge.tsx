import { cn } from "@/lib/utils";

/** The ICP score as a coloured pill; "—" when the record has not been scored. */
export function ScoreBadge({ score, className }: { score: number | null | undefined; className?: string }) {
  if (score === null || score === undefined) {
    return <span className={cn("inline-flex h-6 min-w-9 items-center justify-center rounded-full bg-muted px-2 text-xs text-muted-foreground", className)} title="Not scored yet">—</span>;
  }
  const tone = score >= 80 ? "bg-success/15 text-success" : score >= 60 ? "bg-accent text-accent-foreground" : score >= 40 ? "bg-warning/15 text-warning" : "bg-muted text-muted-foreground";
  return (
    <span className={cn("inline-flex h-6 min-w-9 items-center justify-center rounded-full px-2 text-xs font-semibold tabular-nums", tone, className)} title={`ICP score ${score} of 100`}>
      {score}
    </span>
  );
}

export function TierBadge({ tier }: { tier: string }) {
  const tone = { A: "bg-success/15 text-success", B: "bg-accent text-accent-foreground", C: "bg-warning/15 text-warning", D: "bg-muted text-muted-foreground" }[tier] ?? "bg-muted";
  return <span className={cn("inline-flex size-6 items-center justify-center rounded-md text-xs font-bold", tone)} title={`Tier ${tier}`}>{tier}</span>;
}
