import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";
import { controlClass } from "@/components/ui/control";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return (
    <input
      className={cn(
        controlClass, "flex h-9 px-3 py-1 placeholder:text-muted-foreground",
        className,
      )}
      {...props}
    />
  );
}
