import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FunnelChart } from "@/components/sequences/funnel-chart";
import { SequenceBuilder } from "@/components/sequences/sequence-builder";
import { SequenceStatusActions } from "@/components/sequences/status-actions";
import { EnrollmentActions } from "@/components/sequences/enrollment-actions";
import { foundOr404 } from "@/server/http/not-found";
import { getSequenceOrThrow, listEnrollments, sequenceProgress } from "@/server/sequences/service";
import { listTemplates } from "@/server/templates/service";
import { getActor, getViewerTimeZone } from "@/server/access/page-actor";
import { formatInZone } from "@/lib/time";
import { ownedBy, refusalReason, refusalsFor } from "@/server/access/permissions";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Sequence" };

const REASON: Record<string, string> = {
  replied: "replied", meeting_booked: "meeting booked", unsubscribed: "unsubscribed", bounced: "bounced", spam_report: "spam report",
  suppressed: "suppressed", account_replied: "colleague replied", sequence_archived: "sequence archived", failed: "failed",
};

export default async function SequencePage({ params }: { params: Promise<{ id: string }> }) {
  const [actor, viewerTimeZone] = await Promise.all([getActor(), getViewerTimeZone()]);
  const { id } = await params;
  if (!actor.event) notFound();
  const { event } = actor;
  const sequence = await foundOr404(getSequenceOrThrow(id, actor));
  const [progress, enrollments, templates] = await Promise.all([sequenceProgress(id, actor), listEnrollments(id, actor), listTemplates({}, actor)]);
  const refused = refusalsFor(actor, "sequence", ownedBy(sequence.owner));
  const stats: [string, number][] = [["Enrolled", progress.enrolled], ["Active", progress.active], ["Completed", progress.completed], ["Replied", progress.replied], ["Stopped", progress.stopped + progress.paused], ["Failed", progress.failed]];

  return (
    <div className="grid gap-6">
      <div>
        <BackLink href="/dashboard/sequences" className="mb-2">Sequences</BackLink>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight">{sequence.name} <Badge variant={sequence.status === "ACTIVE" ? "success" : "secondary"}>{sequence.status.charAt(0) + sequence.status.slice(1).toLowerCase()}</Badge></h1>
            {sequence.description ? <p className="mt-1 text-sm text-muted-foreground">{sequence.description}</p> : null}
          </div>
          <SequenceStatusActions sequenceId={sequence.id} status={sequence.status} refusal={refused.changeStatus} />
        </div>
      </div>

      <dl className="grid grid-cols-3 gap-3 sm:grid-cols-6" data-testid="sequence-stats">
        {stats.map(([label, value]) => (
          <Card key={label}><CardContent className="p-3 text-center"><dt className="text-xs text-muted-foreground">{label}</dt><dd className="text-xl font-semibold tabular-nums">{value}</dd></CardContent></Card>
        ))}
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader><CardTitle>Funnel by step</CardTitle></CardHeader>
          <CardContent>{progress.enrolled === 0 ? <p className="text-sm text-muted-foreground">Nobody enrolled yet. Enroll people from the People list or an account page.</p> : <FunnelChart data={progress.funnel} />}</CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>Enrollments ({enrollments.length})</CardTitle></CardHeader>
          <CardContent className="max-h-80 overflow-y-auto">
            {enrollments.length === 0 ? <p className="text-sm text-muted-foreground">No one yet.</p> : (
              <ul className="divide-y text-sm">
                {enrollments.map((e) => (
                  <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <div className="min-w-0">
                      <Link href={`/dashboard/people/${e.person.id}`} className="font-medium hover:underline">{e.person.name}</Link>
                      <p className="text-xs text-muted-foreground">
                        {e.account?.name ?? "No account"} · {e.currentStep}/{sequence.steps.length} steps done
                        {e.status === "ACTIVE" && e.nextStepAt ? ` · next ${formatInZone(e.nextStepAt, viewerTimeZone, "weekdayTime")}` : ""}
                        {e.stopReason ? ` · ${REASON[e.stopReason] ?? e.stopReason}` : ""}
                      </p>
                      {e.lastError ? <p className="text-xs text-destructive">Last error ({e.failureCount}×): {e.lastError}</p> : null}
                    </div>
                    <div className="flex items-center gap-1">
                      <Badge variant={e.status === "ACTIVE" ? "success" : e.status === "FAILED" ? "destructive" : e.status === "REPLIED" ? "default" : "secondary"}>{e.status.charAt(0) + e.status.slice(1).toLowerCase()}</Badge>
                      {sequence.status === "ARCHIVED" ? null : <EnrollmentActions enrollmentId={e.id} status={e.status} personName={e.person.name} refusal={refusalReason(actor, "enrollment", "changeStatus", [...ownedBy(e.owner), ...ownedBy(sequence.owner)])} />}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>

      {sequence.status === "ARCHIVED" ? null : refused.edit ? (
        <Card data-testid="sequence-steps">
          <CardHeader>
            <CardTitle>Steps ({sequence.steps.length})</CardTitle>
            <CardDescription>{refused.edit}</CardDescription>
          </CardHeader>
          <CardContent>
            <ol className="grid gap-3 text-sm">
              {sequence.steps.map((s) => (
                <li key={s.id} className="rounded-md border p-3">
                  <p className="font-medium">Step {s.order} · {s.channel.charAt(0) + s.channel.slice(1).toLowerCase()} · {s.order === 1 ? `${s.delayDays} days after enrolling` : `${s.delayDays} ${s.businessDays ? "business " : ""}days after step ${s.order - 1}`}</p>
                  {s.template ? <p className="text-muted-foreground">Template: {s.template.name}</p> : null}
                  {s.subject ? <p className="mt-1">{s.subject}</p> : null}
                  {s.body ? <p className="mt-1 whitespace-pre-wrap text-muted-foreground">{s.body}</p> : null}
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
      ) : (
        <SequenceBuilder
          sequenceId={sequence.id}
          lockedSteps={progress.enrolled > 0 ? sequence.steps.length : 0}
          templates={templates.map((t) => ({ id: t.id, name: t.name, channel: t.channel }))}
          initial={{
            name: sequence.name, description: sequence.description ?? "", pauseAccountOnReply: sequence.pauseAccountOnReply,
            steps: sequence.steps.map((s) => ({ delayDays: s.delayDays, businessDays: s.businessDays, channel: s.channel, templateId: s.templateId, subject: s.subject ?? "", body: s.body ?? "" })),
          }}
        />
      )}
    </div>
  );
}
