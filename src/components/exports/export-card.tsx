import { Download, FileArchive, FileJson } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";

const ENTITIES = [
  { key: "accounts", label: "Accounts" },
  { key: "people", label: "People" },
  { key: "outreach", label: "Outreach" },
  { key: "meetings", label: "Meetings" },
  { key: "activities", label: "Activities" },
  { key: "dossiers", label: "Research dossiers" },
  { key: "campaigns", label: "Campaigns" },
  { key: "templates", label: "Templates" },
  { key: "sequences", label: "Sequences" },
  { key: "sequence_steps", label: "Sequence steps" },
  { key: "enrollments", label: "Enrollments" },
  { key: "reports", label: "Saved reports" },
  { key: "do_not_email", label: "Do-not-email list" },
] as const;

/** Admin-only downloads of the current event's data; the files stream straight from the server. */
export function ExportDataCard({ eventId, eventName }: { eventId: string; eventName: string }) {
  const url = (params: Record<string, string>) => `/api/export/full?${new URLSearchParams({ eventId, ...params }).toString()}`;
  return (
    <Card data-testid="export-card">
      <CardHeader>
        <CardTitle>Export data</CardTitle>
        <CardDescription>
          Everything in {eventName}: accounts, people (with persona flags and ICP score), outreach, meetings, the activity log, research
          dossiers, campaigns, templates, sequences with their steps and enrollments, saved reports, and the team&apos;s do-not-email list.
          Files stream as they are written, so large events download fine. Spreadsheet formulas in cells are neutralised.
          Limited to 10 exports per 10 minutes.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="flex flex-wrap gap-2">
          <a href={url({ format: "csv" })} download className={buttonVariants()} data-testid="export-zip">
            <FileArchive aria-hidden /> All data (ZIP of CSVs)
          </a>
          <a href={url({ format: "json" })} download className={buttonVariants({ variant: "outline" })}>
            <FileJson aria-hidden /> JSON
          </a>
          <a href={url({ format: "ndjson" })} download className={buttonVariants({ variant: "outline" })}>
            <FileJson aria-hidden /> NDJSON
          </a>
        </div>
        <div>
          <p className="mb-2 text-sm font-medium">One table as CSV</p>
          <div className="flex flex-wrap gap-2">
            {ENTITIES.map((e) => (
              <a key={e.key} href={url({ format: "csv", entity: e.key })} download className={cn(buttonVariants({ variant: "secondary", size: "sm" }))} data-testid={`export-${e.key}`}>
                <Download aria-hidden /> {e.label}
              </a>
            ))}
          </div>
        </div>
      </CardContent>
    </Card>
  );
}
