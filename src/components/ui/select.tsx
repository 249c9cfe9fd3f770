import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A native select styled like Input: the phone's own picker is the best one on a 390-px screen. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "flex h-9 w-full rounded-md border border-input bg-card px-2 py-1 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
