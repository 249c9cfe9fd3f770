import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";
import { controlClass } from "@/components/ui/control";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea
      className={cn(
        controlClass, "flex min-h-24 px-3 py-2 placeholder:text-muted-foreground",
        className,
      )}
      {...props}
    />
  );
}
