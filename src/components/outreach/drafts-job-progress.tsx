"use client";
import Link from "next/link";
import { JobProgress } from "@/components/jobs/job-progress";

/** The latest bulk drafts job, with a link to each draft it wrote. */
export function DraftsJobProgress({ className }: { className?: string }) {
  return (
    <JobProgress
      kind="drafts"
      title="Bulk drafts"
      className={className}
      renderDone={(items) => (
        <ul className="max-h-64 divide-y overflow-y-auto rounded-md border text-sm" data-testid="bulk-results" aria-label="Drafts written">
          {items.map((item) => {
            const result = (item.result ?? {}) as { outreachId?: string; generatedBy?: string; warnings?: string[] };
            return (
              <li key={item.key} className="flex flex-col gap-0.5 px-3 py-1.5">
                {result.outreachId ? <Link className="font-medium text-primary hover:underline" href={`/dashboard/outreach/${result.outreachId}`}>{item.label}</Link> : <span className="font-medium">{item.label}</span>}
                <span className="text-xs text-muted-foreground">
                  {result.generatedBy === "ai" ? "Written by the AI model" : "Composed from the template"}
                  {result.warnings?.length ? ` · ${result.warnings.join("; ")}` : ""}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    />
  );
}
