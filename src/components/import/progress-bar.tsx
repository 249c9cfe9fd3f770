"use client";
import * as ProgressPrimitive from "@radix-ui/react-progress";
import { cn } from "@/lib/utils";
import { formatCount } from "@/lib/numbers";

/** A labelled determinate progress bar (value out of max). */
export function ProgressBar({ value, max, label, className }: { value: number; max: number; label: string; className?: string }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className={cn("grid gap-1.5", className)}>
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium">{label}</span>
        <span className="tabular-nums text-muted-foreground">
          {formatCount(value)} / {formatCount(max)} · {pct}%
        </span>
      </div>
      <ProgressPrimitive.Root value={value} max={Math.max(max, 1)} aria-label={label} className="relative h-2.5 overflow-hidden rounded-full bg-muted">
        <ProgressPrimitive.Indicator className="h-full bg-primary transition-[width] duration-300" style={{ width: `${pct}%` }} />
      </ProgressPrimitive.Root>
    </div>
  );
}
