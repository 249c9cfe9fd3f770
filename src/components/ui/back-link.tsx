import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** The way back from a record or sub-page to the list or page it belongs to, above its header. */
export function BackLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  return (
    <Link href={href} className={cn("inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground", className)}>
      <ArrowLeft className="size-4" aria-hidden /> {children}
    </Link>
  );
}
