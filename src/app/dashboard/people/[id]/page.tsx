import type { Metadata } from "next";
import { readClaims } from "@/lib/claims";
import { ClaimSource } from "@/components/research/claim-source";
import Link from "next/link";
import { Building2, Clock, Lightbulb, Link2, Mail, Phone, Workflow } from "lucide-react";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AssigneeField, RegistryFields } from "@/components/records/registry-fields";
import { PERSON } from "@/lib/fields/person";
import { formatNumber, personaList, STATUS_LABELS } from "@/components/data-table/format";
import { formatUsd } from "@/lib/numbers";
import { formatInZone } from "@/lib/time";
import { DossierCard } from "@/components/research/dossier";
import { HistoryCard, MeetingsHistory, OutreachHistory, Timeline } from "@/components/accounts/history";
import { PersonaToggles } from "@/components/people/persona-toggles";
import { DeletePersonButton } from "@/components/people/delete-person-button";
import { PrivacyCard } from "@/components/privacy/privacy-card";
import { PersonHeaderActions } from "@/components/people/person-header-actions";
import { BookMeetingButton } from "@/components/meetings/book-meeting-button";
import { ComposeOutreachButton } from "@/components/outreach/compose-outreach-button";
import { PresenceAvatars } from "@/components/presence/lazy-presence-avatars";
import { IcpCard, type Breakdown } from "@/components/scoring/icp-card";
import { ScoreBadge, TierBadge } from "@/components/scoring/score-badge";
import { RoiCalculator } from "@/components/roi/roi-calculator";
import { notFound } from "next/navigation";
import { foundOr404 } from "@/server/http/not-found";
import { getPersonDetail } from "@/server/people/service";
import { readBreakdown, readLegacyBreakdown } from "@/server/scoring/icp";
import { listAssignableTeammates } from "@/server/team/service";
import { getActor, getViewerTimeZone } from "@/server/access/page-actor";
import type { Actor } from "@/server/access/actor";
import { personOwners, refusalsFor } from "@/server/access/permissions";
import { initials } from "@/lib/utils";
import { linkedinProfileUrl } from "@/lib/safe-links";
import { DetailsCard, RecordHeader } from "@/components/records/record-page";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Person" };

function localTime(timeZone: string | null): string | null {
  if (!timeZone) return null;
  try {
    return new Date().toLocaleTimeString("en-US", { timeZone, hour: "numeric", minute: "2-digit", timeZoneName: "short" });
  } catch {
    return null;
  }
}

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const [actor, viewerTimeZone] = await Promise.all([getActor(), getViewerTimeZone()]);
  if (!actor.event) notFound();
  const { id } = await params;
  // The rep picker needs only the team, which does not depend on the person: fetch it alongside.
  const [{ person, outreach, meetings, enrollments, activities, colleagues, eventTimeZone }, team] = await Promise.all([foundOr404(getPersonDetail(id, actor)), listAssignableTeammates()]);
  const account = person.account;
  const endpoint = `/api/people/${person.id}`;
  const breakdown = readBreakdown(person.icpBreakdown) as Breakdown | null;
  const personas = personaList(person);
  const nextMeeting = nextScheduled(meetings);
  const lastSent = outreach.find((o) => o.sentAt);
  const activeEnrollment = enrollments.find((e) => e.status === "ACTIVE");
  const painPoints = readClaims(account?.dossier?.painPoints);
  const local = localTime(person.timeZone);
  if (person.erasedAt) return <ErasedPerson erasedAt={person.erasedAt} timeZone={viewerTimeZone} />;
  const refused = refusalsFor(actor, "person", await personOwners(person.id));

  return (
    <div className="grid gap-6">
      <RecordHeader
        back={{ href: "/dashboard/people", label: "People" }}
        name={person.name}
        badges={<ScoreBadge score={person.icpScore} />}
        avatar={
          <Avatar className="size-14">
            <AvatarFallback className="text-lg">{initials(person.name)}</AvatarFallback>
          </Avatar>
        }
        actions={
          <PersonHeaderActions>
            <PresenceAvatars entityType="person" entityId={person.id} />
            <ComposeOutreachButton personId={person.id} personName={person.name} label="Write email" />
            <BookMeetingButton personId={person.id} variant="outline" />
            <DeletePersonButton id={person.id} name={person.name} refusal={refused.delete} />
          </PersonHeaderActions>
        }
      >
        <p className="text-sm">
          {person.title ?? <span className="text-muted-foreground">No title</span>}
          {account ? (
            <>
              {" at "}
              <Link href={`/dashboard/accounts/${account.id}`} className="font-medium hover:underline">{account.name}</Link>
            </>
          ) : null}
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-muted-foreground">
          {person.email ? <a href={`mailto:${person.email}`} className="inline-flex items-center gap-1 hover:text-foreground"><Mail className="size-3.5" aria-hidden />{person.email}</a> : <span className="inline-flex items-center gap-1"><Mail className="size-3.5" aria-hidden />No email</span>}
          {person.phone ? <a href={`tel:${person.phone}`} className="inline-flex items-center gap-1 hover:text-foreground"><Phone className="size-3.5" aria-hidden />{person.phone}</a> : null}
          {linkedinProfileUrl(person.linkedin) ? <a href={linkedinProfileUrl(person.linkedin)!} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 hover:text-foreground"><Link2 className="size-3.5" aria-hidden />LinkedIn</a> : null}
          {local ? <span className="inline-flex items-center gap-1"><Clock className="size-3.5" aria-hidden />{local} local</span> : null}
        </div>
        {personas.length ? <div className="mt-2 flex flex-wrap gap-1">{personas.map((p) => <Badge key={p} variant="secondary">{p}</Badge>)}</div> : null}
      </RecordHeader>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="grid min-w-0 content-start gap-6 lg:col-span-2">
          <Card data-testid="call-prep" className="border-primary/30">
            <CardHeader>
              <CardTitle className="flex items-center gap-2"><Lightbulb className="size-4 text-warning" aria-hidden /> Before you call</CardTitle>
              <CardDescription>
                {[
                  nextMeeting ? `Next meeting ${formatInZone(nextMeeting.scheduledAt, eventTimeZone, "weekdayTime")}` : "No meeting booked",
                  lastSent ? `last email ${lastSent.repliedAt ? "got a reply" : lastSent.openedAt ? "was opened" : "not opened yet"} (${formatInZone(lastSent.sentAt, viewerTimeZone, "date")})` : "not emailed yet",
                  activeEnrollment ? `in “${activeEnrollment.sequence.name}”` : null,
                ].filter(Boolean).join(" · ")}
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4 text-sm">
              {person.insights.length ? (
                <section className="grid gap-1.5">
                  <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">Talking points</h3>
                  <ul className="grid gap-2" data-testid="talking-points">
                    {person.insights.map((i) => (
                      <li key={i.id} className="flex gap-2">
                        <span className="mt-1.5 size-1.5 shrink-0 rounded-full bg-primary" aria-hidden />
                        <span className="min-w-0">
                          {i.content}
                          <ClaimSource source={i.citation} className="ml-1.5" />
                        </span>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : (
                <p className="text-muted-foreground">No talking points yet: they are written when {account ? `${account.name} is researched` : "this person's company is researched"}.</p>
              )}
              {painPoints.length ? (
                <section className="grid gap-1.5">
                  <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{account!.name}&apos;s pain points</h3>
                  <ul className="grid gap-1.5">
                    {painPoints.map((p) => (
                      <li key={p.text} className="flex flex-wrap items-center gap-x-2 gap-y-0.5"><Badge variant="warning" className="whitespace-normal">{p.text}</Badge><ClaimSource source={p.source} /></li>
                    ))}
                  </ul>
                </section>
              ) : null}
            </CardContent>
          </Card>

          <DetailsCard refusal={refused.edit}>
            <RegistryFields fields={PERSON.fields} record={person} endpoint={endpoint} readOnly={!!refused.edit} part="short" />
            <AssigneeField record={person} team={team} endpoint={endpoint} readOnly={!!refused.assign} />
            <div className="sm:col-span-2">
              <PersonaToggles readOnly={!!refused.edit} personId={person.id} flags={{ isExecOps: person.isExecOps, isOps: person.isOps, isProc: person.isProc, isSales: person.isSales, isTech: person.isTech, isNonOps: person.isNonOps }} />
            </div>
            {person.leadRating || person.interestTags.length > 0 ? (
              <div className="flex flex-wrap items-center gap-1.5 text-sm sm:col-span-2" data-testid="booth-lead">
                <span className="font-medium">At the booth:</span>
                {person.leadRating ? <Badge variant={person.leadRating === "hot" ? "destructive" : person.leadRating === "warm" ? "warning" : "secondary"}>{person.leadRating}</Badge> : null}
                {person.interestTags.map((t) => <span key={t} className="rounded-full border px-2 py-0.5 text-xs">{t}</span>)}
              </div>
            ) : null}
            <RegistryFields fields={PERSON.fields} record={person} endpoint={endpoint} readOnly={!!refused.edit} part="long" />
          </DetailsCard>

          {account ? (
            <>
              <DossierCard dossier={account.dossier} accountName={account.name} timeZone={viewerTimeZone} compact />
              <RoiCalculator accountId={account.id} accountName={account.name} timeZone={viewerTimeZone} />
            </>
          ) : (
            <Card>
              <CardHeader><CardTitle>Company</CardTitle></CardHeader>
              <CardContent className="text-sm text-muted-foreground">
                {person.name} is not linked to an account, so there is no dossier or ROI model. Link them by importing with their company, or from the account&apos;s page.
              </CardContent>
            </Card>
          )}
        </div>

        <div className="grid min-w-0 content-start gap-6">
          <PrivacyCard person={person} eventId={actor.eventId} isAdmin={actor.role === "ADMIN"} timeZone={viewerTimeZone} />
          <IcpCard kind="person" timeZone={viewerTimeZone} id={person.id} score={person.icpScore} breakdown={breakdown} legacy={readLegacyBreakdown(person.icpBreakdown)} scoredAt={person.icpScoredAt?.toISOString() ?? null} />
          {account ? (
            <Card data-testid="account-snapshot">
              <CardHeader>
                <CardTitle className="flex items-center gap-2"><Building2 className="size-4" aria-hidden /> <Link href={`/dashboard/accounts/${account.id}`} className="hover:underline">{account.name}</Link></CardTitle>
                <CardDescription className="flex items-center gap-2"><TierBadge tier={account.tier} /> <ScoreBadge score={account.icpScore} /> {STATUS_LABELS[account.status]}</CardDescription>
              </CardHeader>
              <CardContent className="grid gap-3 text-sm">
                <dl className="grid grid-cols-2 gap-2">
                  <Fact label="Industry" value={account.industry ?? "—"} />
                  <Fact label="HQ" value={account.headquarters ?? "—"} />
                  <Fact label="Employees" value={formatNumber(account.employeeCount)} />
                  <Fact label="Revenue" value={formatUsd(account.revenue)} />
                  <Fact label="Facilities" value={formatNumber(account.facilityCount)} />
                </dl>
                {colleagues.length ? (
                  <div className="grid gap-1">
                    <p className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">Colleagues</p>
                    <ul className="grid gap-1">
                      {colleagues.map((c) => (
                        <li key={c.id} className="flex items-center gap-2">
                          <ScoreBadge score={c.icpScore} />
                          <Link href={`/dashboard/people/${c.id}`} className="truncate hover:underline">{c.name}</Link>
                          <span className="truncate text-xs text-muted-foreground">{c.title}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </CardContent>
            </Card>
          ) : null}
          <HistoryCard testId="enrollments" icon={Workflow} title={`Sequences (${enrollments.length})`} isEmpty={enrollments.length === 0} empty="Not enrolled in any sequence.">
            <ul className="divide-y text-sm">
              {enrollments.map((e) => (
                <li key={e.id} className="grid gap-0.5 py-2">
                  <div className="flex items-center gap-2">
                    <span className="font-medium">{e.sequence.name}</span>
                    <Badge variant={e.status === "ACTIVE" ? "success" : e.status === "REPLIED" ? "default" : "secondary"}>{e.status.charAt(0) + e.status.slice(1).toLowerCase()}</Badge>
                  </div>
                  <p className="text-xs text-muted-foreground">
                    Step {Math.min(e.currentStep + 1, e.sequence._count.steps)} of {e.sequence._count.steps}
                    {e.status === "ACTIVE" && e.nextStepAt ? ` · next ${formatInZone(e.nextStepAt, viewerTimeZone, "weekdayTime")}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          </HistoryCard>
          <OutreachHistory items={outreach} timeZone={viewerTimeZone} />
          <MeetingsHistory items={meetings} timeZone={eventTimeZone} />
          <Timeline items={activities} timeZone={viewerTimeZone} />
        </div>
      </div>
    </div>
  );
}

function nextScheduled<T extends { status: string; scheduledAt: Date }>(meetings: T[]): T | undefined {
  const now = Date.now();
  return meetings.filter((m) => m.status === "SCHEDULED" && m.scheduledAt.getTime() >= now).sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime())[0];
}

function ErasedPerson({ erasedAt, timeZone }: { erasedAt: Date | string; timeZone: string }) {
  return (
    <div className="grid gap-4">
      <BackLink href="/dashboard/people">People</BackLink>
      <Card data-testid="erased-person">
        <CardHeader>
          <CardTitle>This person was erased</CardTitle>
          <CardDescription>Their personal data was erased on {formatInZone(erasedAt, timeZone, "dateTime")}. Only counts remain; EventOps will not add them again.</CardDescription>
        </CardHeader>
      </Card>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="truncate">{value}</dd>
    </div>
  );
}
