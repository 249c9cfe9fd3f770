import type { Metadata } from "next";
import Link from "next/link";
import { Globe, Users } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EditableField } from "@/components/data-table/editable-field";
import { AssigneeField, RegistryFields } from "@/components/records/registry-fields";
import { ACCOUNT } from "@/lib/fields/account";
import { TIERS } from "@/lib/vocabulary";
import { OpportunityCard } from "@/components/accounts/opportunity-card";
import { formatAgo, formatNumber, personaList, STATUS_LABELS } from "@/components/data-table/format";
import { formatUsd } from "@/lib/numbers";
import { DossierCard } from "@/components/research/dossier";
import { ResearchNowButton } from "@/components/research/research-now-button";
import { MeetingsHistory, OutreachHistory, Timeline } from "@/components/accounts/history";
import { DeleteAccountButton } from "@/components/accounts/delete-account-button";
import { BookMeetingButton } from "@/components/meetings/book-meeting-button";
import { NewRecordButton, PERSON_FIELDS } from "@/components/records/new-record-button";
import { PresenceAvatars } from "@/components/presence/lazy-presence-avatars";
import { IcpCard, type Breakdown } from "@/components/scoring/icp-card";
import { ScoreBadge, TierBadge } from "@/components/scoring/score-badge";
import { RoiCalculator } from "@/components/roi/roi-calculator";
import { Badge } from "@/components/ui/badge";
import { getAccountDetail } from "@/server/accounts/service";
import { accountFilterOptions } from "@/server/accounts/service";
import { notFound } from "next/navigation";
import { foundOr404 } from "@/server/http/not-found";
import { readBreakdown, readLegacyBreakdown } from "@/server/scoring/icp";
import { getActor, getViewerTimeZone } from "@/server/access/page-actor";
import type { Actor } from "@/server/access/actor";
import { ownedBy, refusalsFor } from "@/server/access/permissions";
import { EnrollAccount } from "@/components/sequences/enroll";
import { activeSequenceOptions } from "@/server/sequences/service";
import { DetailsCard, RecordHeader } from "@/components/records/record-page";
import { labelOptions } from "@/lib/utils";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const [actor, viewerTimeZone] = await Promise.all([getActor(), getViewerTimeZone()]);
  if (!actor.event) notFound();
  const { id } = await params;
  const { account, people, outreach, meetings, activities } = await foundOr404(getAccountDetail(id, actor));
  const { team, industries } = await accountFilterOptions(actor);
  const sequences = await activeSequenceOptions(actor);
  const endpoint = `/api/accounts/${account.id}`;
  const breakdown = readBreakdown(account.icpBreakdown) as Breakdown | null;
  const refused = refusalsFor(actor, "account", ownedBy(account.assignedTo));

  return (
    <div className="grid gap-6">
      <RecordHeader
        back={{ href: "/dashboard/accounts", label: "Accounts" }}
        name={account.name}
        badges={<><TierBadge tier={account.tier} /><ScoreBadge score={account.icpScore} /></>}
        actions={
          <div className="flex flex-wrap items-center gap-2" data-testid="account-actions">
            <PresenceAvatars entityType="account" entityId={account.id} />
            <BookMeetingButton variant="outline" />
            <DeleteAccountButton id={account.id} name={account.name} peopleCount={people.length} refusal={refused.delete} />
          </div>
        }
      >
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
          {account.domain ? (
            <a href={account.website ?? `https://${account.domain}`} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 hover:underline">
              <Globe className="size-3.5" aria-hidden /> {account.domain}
            </a>
          ) : null}
          <span>{STATUS_LABELS[account.status]}</span>
          <span>{account.event.name}</span>
          <span>Last activity {formatAgo(account.lastActivityAt)}</span>
        </p>
      </RecordHeader>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="grid min-w-0 content-start gap-6 lg:col-span-2">
          <DetailsCard refusal={refused.edit}>
            <RegistryFields fields={ACCOUNT.fields} record={account} endpoint={endpoint} readOnly={!!refused.edit} part="short" placeholders={industries.length ? { industry: `e.g. ${industries[0]}` } : undefined} />
            <EditableField readOnly={!!refused.edit} endpoint={endpoint} field="tier" label="Tier" value={account.tier} kind="select" display={account.tier} options={TIERS.map((t) => ({ value: t, label: `Tier ${t}` }))} />
            <EditableField
              readOnly={!!refused.edit}
              endpoint={endpoint}
              field="status"
              label="Status"
              value={account.status}
              kind="select"
              options={labelOptions(STATUS_LABELS)}
            />
            <AssigneeField record={account} team={team} endpoint={endpoint} readOnly={!!refused.assign} />
            <RegistryFields fields={ACCOUNT.fields} record={account} endpoint={endpoint} readOnly={!!refused.edit} part="long" />
          </DetailsCard>

          <OpportunityCard endpoint={endpoint} account={account} />

          <Card data-testid="account-people">
            <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
              <CardTitle className="flex items-center gap-2"><Users className="size-4" aria-hidden /> People ({people.length})</CardTitle>
              <NewRecordButton label="Add person" variant="outline" title={`Add a person at ${account.name}`} description="They are linked to this account." endpoint="/api/people" fields={PERSON_FIELDS} fixed={{ accountId: account.id }} detailPath="/dashboard/people" />
            </CardHeader>
            <CardContent>
              {people.length === 0 ? (
                <p className="text-sm text-muted-foreground">No one from {account.name} is in the event yet.</p>
              ) : (
                <ul className="divide-y">
                  {people.map((p) => (
                    <li key={p.id} className="flex items-center gap-3 py-2 text-sm">
                      <ScoreBadge score={p.icpScore} />
                      <div className="min-w-0 flex-1">
                        <Link href={`/dashboard/people/${p.id}`} className="font-medium hover:underline">{p.name}</Link>
                        <p className="truncate text-xs text-muted-foreground">{p.title ?? "No title"}</p>
                      </div>
                      <div className="hidden flex-wrap justify-end gap-1 sm:flex">
                        {personaList(p).map((l) => <Badge key={l} variant="secondary">{l}</Badge>)}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              {people.length > 0 ? <div className="mt-3 border-t pt-3"><EnrollAccount accountId={account.id} sequences={sequences} /></div> : null}
            </CardContent>
          </Card>

          <RoiCalculator accountId={account.id} accountName={account.name} timeZone={viewerTimeZone} />
          <DossierCard dossier={account.dossier} accountName={account.name} timeZone={viewerTimeZone} action={<ResearchNowButton accountId={account.id} researched={Boolean(account.dossier)} />} />
        </div>

        <div className="grid min-w-0 content-start gap-6">
          <IcpCard kind="account" timeZone={viewerTimeZone} id={account.id} score={account.icpScore} breakdown={breakdown} legacy={readLegacyBreakdown(account.icpBreakdown)} scoredAt={account.icpScoredAt?.toISOString() ?? null} tier={account.tier} />
          <OutreachHistory items={outreach} timeZone={viewerTimeZone} />
          <MeetingsHistory items={meetings} timeZone={account.event.timeZone} />
          <Timeline items={activities} timeZone={viewerTimeZone} />
        </div>
      </div>
    </div>
  );
}
