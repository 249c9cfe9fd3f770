import { Clock, MapPin } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { MeetingActions } from "./meeting-actions";
import { STATUS_LABELS, STATUS_VARIANT, describeLocation, type MeetingItem } from "./format";
import { formatInZone } from "@/lib/time";

export function MeetingsList({ meetings, timeZone }: { meetings: MeetingItem[]; timeZone: string }) {
  return (
    <Card>
      <ul className="divide-y" aria-label="Meetings">
        {meetings.map((m) => (
          <li key={m.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:gap-4" data-testid="meeting-row">
            <div className="flex shrink-0 items-center gap-2 text-sm font-medium sm:w-60">
              <Clock className="size-4 text-muted-foreground" aria-hidden />
              <span>{formatInZone(m.scheduledAt, timeZone, "weekdayTime")}</span>
            </div>
            <div className="min-w-0 flex-1">
              <div className="truncate text-sm font-medium">
                {m.person.name}
                {m.account ? <span className="font-normal text-muted-foreground"> · {m.account.name}</span> : null}
              </div>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-muted-foreground">
                <span className="inline-flex items-center gap-1"><MapPin className="size-3" aria-hidden />{describeLocation(m)}</span>
                <span>{m.durationMinutes} min</span>
                <span>{m.owner?.name ?? m.owner?.email ?? "Unassigned"}</span>
                {m.checkedInAt && m.status === "SCHEDULED" ? <span className="text-success">Checked in</span> : null}
              </div>
              {m.outcome ? <p className="mt-1 line-clamp-2 text-xs">{m.outcome}</p> : null}
            </div>
            <div className="flex items-center justify-between gap-2 sm:justify-end">
              <Badge variant={STATUS_VARIANT[m.status]}>{STATUS_LABELS[m.status]}</Badge>
              <MeetingActions meeting={m} />
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
