import { ExternalLink } from "lucide-react";
import { isUrlSource, sourceLabel } from "@/lib/claims";
import { cn } from "@/lib/utils";

/** Where a claim comes from, shown beside it: a link to the page that was read, or "account data". */
export function ClaimSource({ source, className }: { source: string | null; className?: string }) {
  const label = sourceLabel(source);
  if (isUrlSource(source)) {
    return (
      <a href={source} target="_blank" rel="noopener noreferrer nofollow" className={cn("inline-flex max-w-full items-center gap-0.5 truncate text-xs text-primary hover:underline", className)} data-testid="claim-source">
        <ExternalLink className="size-3 shrink-0" aria-hidden /> <span className="truncate">{label}</span>
      </a>
    );
  }
  return <span className={cn("text-xs text-muted-foreground", className)} data-testid="claim-source">Source: {label}</span>;
}
