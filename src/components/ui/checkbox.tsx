"use client";
import { useEffect, useRef, type ComponentProps } from "react";
import { cn } from "@/lib/utils";

export type CheckedState = boolean | "indeterminate";

/**
 * A native checkbox with the Radix-style API (`checked` may be "indeterminate",
 * `onCheckedChange`). Native on purpose: lists render one per row (100+ on a page), and the
 * browser's own control costs nothing to hydrate, is a real form control for assistive tech and
 * for tests (`check()`), and takes the brand colour through `accent-color`.
 */
export function Checkbox({ checked, onCheckedChange, className, ...props }: Omit<ComponentProps<"input">, "type" | "checked" | "onChange"> & {
  checked?: CheckedState;
  onCheckedChange?: (checked: CheckedState) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const indeterminate = checked === "indeterminate";
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      checked={checked === true}
      onChange={(e) => onCheckedChange?.(e.target.checked)}
      className={cn("size-4 shrink-0 cursor-pointer rounded-sm accent-primary disabled:cursor-not-allowed disabled:opacity-50", className)}
      {...props}
    />
  );
}
