import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";
import { controlClass } from "@/components/ui/control";

/** A styled native <select>: works with plain GET forms and on phones (native picker). */
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        controlClass, "flex h-9 px-2.5 py-1",
        className,
      )}
      {...props}
    />
  );
}
