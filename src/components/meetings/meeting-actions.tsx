"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CalendarClock, CheckCircle2, Download, LogIn, MoreHorizontal, UserX, XCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { apiFetch } from "@/lib/api-client";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { CompleteMeetingDialog } from "./complete-meeting-dialog";
import { MeetingDialog } from "./meeting-dialog";
import { isBeforeMeetingDay, type MeetingItem } from "./format";

/** The row menu on the meetings page: reschedule, .ics, check in, complete, no-show, cancel. */
export function MeetingActions({ meeting }: { meeting: MeetingItem }) {
  const router = useRouter();
  const [editOpen, setEditOpen] = useState(false);
  const [outcomeMode, setOutcomeMode] = useState<"complete" | "no-show" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scheduled = meeting.status === "SCHEDULED";
  const [dialog, ask] = useConfirm();
  const refused = meeting.refusals ?? {};
  const reason = refused.edit ?? refused.complete ?? refused.cancel;

  async function checkIn() {
    setError(null);
    const url = `/api/meetings/${meeting.id}/check-in`;
    const res = await apiFetch(url, { method: "POST" });
    if (res.success) return router.refresh();
    if (!isBeforeMeetingDay(res)) return setError(res.error);
    ask({ title: `Check in ${meeting.person.name} early?`, description: res.error, confirmLabel: "They are here: check in" }, async () => {
      const again = await apiFetch(`${url}?early=true`, { method: "POST" });
      if (!again.success) return again.error;
      router.refresh();
      return null;
    });
  }

  return (
    <div className="flex items-center gap-2">
      {error ? <span role="alert" className="max-w-48 text-xs text-destructive">{error}</span> : null}
      {dialog}
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
              {!meeting.checkedInAt ? <DropdownMenuItem disabled={!!refused.checkIn} onSelect={() => void checkIn()}><LogIn aria-hidden /> Check in</DropdownMenuItem> : null}
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
              onSelect={() =>
                ask(
                  meeting.person.email
                    ? { title: `Cancel the meeting with ${meeting.person.name}?`, description: `${meeting.person.name} gets the cancellation by email, so it leaves their calendar too — unless you cancel without telling them.`, confirmLabel: "Cancel and email them", alternativeLabel: "Cancel without emailing", cancelLabel: "Keep the meeting", destructive: true }
                    : { title: `Cancel the meeting with ${meeting.person.name}?`, description: "They have no email address on file, so tell them yourself.", confirmLabel: "Cancel the meeting", cancelLabel: "Keep the meeting", destructive: true },
                  async (choice) => {
                    const res = await apiFetch(`/api/meetings/${meeting.id}${choice === "alternative" ? "?notify=false" : ""}`, { method: "DELETE" });
                    if (!res.success) return res.error;
                    router.refresh();
                    return null;
                  },
                )
              }
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
