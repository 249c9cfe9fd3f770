import { Download } from "lucide-react";
import { FullExportButtons } from "@/components/exports/full-export-buttons";
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

/** Admin-only exports of the current event's data: the full export is prepared in the background, one table streams at once. */
export function ExportDataCard({ eventId, eventName }: { eventId: string; eventName: string }) {
  const url = (params: Record<string, string>) => `/api/export/full?${new URLSearchParams({ eventId, ...params }).toString()}`;
  return (
    <Card data-testid="export-card">
      <CardHeader>
        <CardTitle>Export data</CardTitle>
        <CardDescription>
          Everything in {eventName}: accounts, people (with persona flags and ICP score), outreach, meetings, the activity log, research
          dossiers, campaigns, templates, sequences with their steps and enrollments, saved reports, and the team&apos;s do-not-email list.
          The full export is prepared in the background and offered here as a download when it is ready; one table downloads at once.
          Spreadsheet formulas in cells are neutralised. Limited to 10 single-table downloads per 10 minutes.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <FullExportButtons eventId={eventId} />
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
