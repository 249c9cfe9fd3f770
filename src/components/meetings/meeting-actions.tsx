"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CalendarClock, CheckCircle2, Download, LogIn, MoreHorizontal, UserX, XCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { apiFetch } from "@/lib/api-client";
import { CompleteMeetingDialog } from "./complete-meeting-dialog";
import { MeetingDialog } from "./meeting-dialog";
import type { MeetingItem } from "./format";

/** The row menu on the meetings page: reschedule, .ics, check in, complete, no-show, cancel. */
export function MeetingActions({ meeting }: { meeting: MeetingItem }) {
  const router = useRouter();
  const [editOpen, setEditOpen] = useState(false);
  const [outcomeMode, setOutcomeMode] = useState<"complete" | "no-show" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scheduled = meeting.status === "SCHEDULED";
  const refused = meeting.refusals ?? {};
  const reason = refused.edit ?? refused.complete ?? refused.cancel;

  async function run(url: string, method: string) {
    setError(null);
    const res = await apiFetch(url, { method });
    if (!res.success) setError(res.error);
    else router.refresh();
  }

  return (
    <div className="flex items-center gap-2">
      {error ? <span role="alert" className="max-w-48 text-xs text-destructive">{error}</span> : null}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`Actions for the meeting with ${meeting.person.name}`}>
            <MoreHorizontal aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {reason && meeting.status !== "CANCELLED" ? <DropdownMenuLabel className="max-w-64 text-xs font-normal text-muted-foreground">{reason}</DropdownMenuLabel> : null}
          {scheduled ? (
            <>
              <DropdownMenuItem disabled={!!refused.edit} onSelect={() => setEditOpen(true)}><CalendarClock aria-hidden /> Edit or reschedule</DropdownMenuItem>
              {!meeting.checkedInAt ? <DropdownMenuItem disabled={!!refused.checkIn} onSelect={() => run(`/api/meetings/${meeting.id}/check-in`, "POST")}><LogIn aria-hidden /> Check in</DropdownMenuItem> : null}
              <DropdownMenuItem disabled={!!refused.complete} onSelect={() => setOutcomeMode("complete")}><CheckCircle2 aria-hidden /> Complete…</DropdownMenuItem>
              <DropdownMenuItem disabled={!!refused.noShow} onSelect={() => setOutcomeMode("no-show")}><UserX aria-hidden /> No-show…</DropdownMenuItem>
            </>
          ) : null}
          {meeting.status === "COMPLETED" ? <DropdownMenuItem disabled={!!refused.complete} onSelect={() => setOutcomeMode("complete")}><CheckCircle2 aria-hidden /> Edit outcome…</DropdownMenuItem> : null}
          <DropdownMenuItem asChild>
            <a href={`/api/meetings/${meeting.id}/ics`} download><Download aria-hidden /> Download .ics</a>
          </DropdownMenuItem>
          {scheduled ? (
            <DropdownMenuItem
              disabled={!!refused.cancel}
              className="text-destructive"
              onSelect={() => {
                const notify = meeting.person.email ? window.confirm(`Cancel the meeting with ${meeting.person.name}?\n\nOK also emails them the cancellation; Cancel keeps the meeting.`) : window.confirm(`Cancel the meeting with ${meeting.person.name}?`);
                if (notify) void run(`/api/meetings/${meeting.id}`, "DELETE");
              }}
            >
              <XCircle aria-hidden /> Cancel meeting
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {editOpen ? <MeetingDialog open={editOpen} onOpenChange={setEditOpen} meeting={meeting} /> : null}
      {outcomeMode ? <CompleteMeetingDialog meeting={meeting} mode={outcomeMode} open onOpenChange={(o) => !o && setOutcomeMode(null)} /> : null}
    </div>
  );
}
