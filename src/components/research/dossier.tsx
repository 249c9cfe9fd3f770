import Link from "next/link";
import type { ReactNode } from "react";
import { ExternalLink, FileSearch, Info } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatInZone } from "@/lib/time";
import { readTextOrNumber, safeHttpUrl } from "@/lib/untrusted-json";
import { readClaims, sourceLabel } from "@/lib/claims";
import { ClaimSource } from "@/components/research/claim-source";

/**
 * The one research dossier view (account page, person page, research queue). No hooks, so server
 * and client components both render it. The JSON columns come from research providers and
 * imports and are read defensively. It always says where the facts came from: which web pages
 * were read, or that none were and the pain points are the typical ones for the industry.
 */
export type DossierData = {
  summary: string | null;
  footprint: string | null;
  facilities: unknown;
  painPoints: unknown;
  techStack: unknown;
  recentNews: unknown;
  keyContacts: unknown;
  sources: unknown;
  provider: string | null;
  researchedAt: string | Date;
};

export type TalkingPoint = { id: string; content: string; citation?: string | null; person: { id: string; name: string; title: string | null } | null };

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const objects = (v: unknown): Record<string, unknown>[] => list(v).filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x));

export function providerLabel(provider: string | null): string {
  return !provider || provider === "built-in" ? "Built-in researcher: from the account's own data and its website" : provider;
}

/** The dossier in a card, with an honest empty state and room for a "Research now" action. */
export function DossierCard({ dossier, accountName, timeZone, compact = false, action }: {
  dossier: DossierData | null;
  accountName: string;
  timeZone: string;
  compact?: boolean;
  action?: ReactNode;
}) {
  return (
    <Card data-testid="dossier-card">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div>
          <CardTitle>Research dossier</CardTitle>
          {dossier ? <CardDescription>Researched {formatInZone(dossier.researchedAt, timeZone, "date")} · {providerLabel(dossier.provider)}</CardDescription> : null}
        </div>
        {action}
      </CardHeader>
      <CardContent>
        {dossier ? (
          <Dossier dossier={dossier} compact={compact} />
        ) : (
          <div className="flex items-start gap-3 rounded-md border border-dashed p-4 text-sm text-muted-foreground">
            <FileSearch className="mt-0.5 size-5 shrink-0" aria-hidden />
            <p>{accountName} has not been researched yet. When research runs, its summary, facilities, pain points, tech stack, news and sources appear here.</p>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

export function Dossier({ dossier, talkingPoints = [], compact = false, timeZone }: { dossier: DossierData; talkingPoints?: TalkingPoint[]; compact?: boolean; timeZone?: string }) {
  // Each claim says where it came from (a page read, or the account's own data).
  const pains = readClaims(dossier.painPoints);
  const tech = readClaims(dossier.techStack);
  const facilities = objects(dossier.facilities);
  const news = objects(dossier.recentNews);
  const contacts = objects(dossier.keyContacts);
  const sources = objects(dossier.sources).flatMap((s) => {
    const url = safeHttpUrl(s.url);
    return url ? [{ url, title: readTextOrNumber(s.title) ?? url }] : [];
  });
  const builtIn = !dossier.provider || dossier.provider === "built-in";
  const byPerson = new Map<string, { person: NonNullable<TalkingPoint["person"]>; points: { text: string; source: string | null }[] }>();
  for (const tp of talkingPoints) {
    if (!tp.person) continue;
    const entry = byPerson.get(tp.person.id) ?? { person: tp.person, points: [] };
    entry.points.push({ text: tp.content, source: tp.citation ?? null });
    byPerson.set(tp.person.id, entry);
  }
  return (
    <div className="grid gap-4 text-sm" data-testid="dossier">
      {timeZone ? (
        <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
          <Badge variant="secondary">{providerLabel(dossier.provider)}</Badge>
          Researched {formatInZone(dossier.researchedAt, timeZone)}
        </div>
      ) : null}
      {sources.length === 0 ? (
        <p className="flex gap-2 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-xs" data-testid="dossier-no-sources">
          <Info className="mt-0.5 size-3.5 shrink-0" aria-hidden />
          No web page was read for this dossier: it is built from the account&apos;s own data{builtIn ? ", and the pain points are the ones typical for its industry" : ""}.
        </p>
      ) : null}
      {dossier.summary ? <p className="leading-relaxed">{dossier.summary}</p> : null}
      {dossier.footprint || facilities.length ? (
        <Section title="Footprint">
          {dossier.footprint ? <p>{dossier.footprint}</p> : null}
          {facilities.length && compact ? (
            <ul className="mt-1 flex flex-wrap gap-1.5">
              {facilities.slice(0, 12).map((f, i) => (
                <li key={i} className="rounded-md bg-muted px-2 py-0.5 text-xs">{facilityName(f)}{readTextOrNumber(f.type) ? ` · ${readTextOrNumber(f.type)}` : ""}</li>
              ))}
            </ul>
          ) : null}
          {facilities.length && !compact ? (
            <div className="overflow-x-auto">
              <table className="w-full text-xs">
                <thead className="text-left text-muted-foreground">
                  <tr><th className="py-1 pr-3 font-medium">Site</th><th className="py-1 pr-3 font-medium">Type</th><th className="py-1 pr-3 text-right font-medium">Dock doors</th><th className="py-1 text-right font-medium">Trailer spots</th></tr>
                </thead>
                <tbody className="divide-y">
                  {facilities.map((f, i) => (
                    <tr key={i}>
                      <td className="py-1 pr-3">{facilityName(f)}</td>
                      <td className="py-1 pr-3 text-muted-foreground">{readTextOrNumber(f.type) ?? "—"}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{readTextOrNumber(f.dockDoors) ?? "—"}</td>
                      <td className="py-1 text-right tabular-nums">{readTextOrNumber(f.trailerPositions) ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </Section>
      ) : null}
      {pains.length ? (
        <Section title={builtIn ? "Likely pain points (typical for the industry)" : "Likely pain points"}>
          <ul className="grid gap-1">
            {pains.map((p) => (
              <li key={p.text} className="flex gap-2"><span className="mt-2 size-1.5 shrink-0 rounded-full bg-warning" aria-hidden /><span className="min-w-0">{p.text} <ClaimSource source={p.source} className="ml-1" /></span></li>
            ))}
          </ul>
        </Section>
      ) : null}
      {tech.length ? (
        <Section title="Tech stack">
          <div className="flex flex-wrap gap-1.5">{tech.map((t) => <Badge key={t.text} variant="secondary" title={`Source: ${sourceLabel(t.source)}`}>{t.text}</Badge>)}</div>
        </Section>
      ) : null}
      {news.length ? (
        <Section title="Recent news">
          <ul className="grid gap-1.5">
            {news.map((n, i) => {
              const url = safeHttpUrl(n.url);
              const title = readTextOrNumber(n.title) ?? "Untitled";
              return (
                <li key={i}>
                  {url ? <a href={url} target="_blank" rel="noopener noreferrer nofollow" className="font-medium hover:underline">{title}</a> : <span className="font-medium">{title}</span>}
                  <span className="text-xs text-muted-foreground"> {[readTextOrNumber(n.date), readTextOrNumber(n.source)].filter(Boolean).join(" · ")}</span>
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}
      {!compact && contacts.length ? (
        <Section title="Key contacts">
          <ul className="grid gap-1">
            {contacts.map((c, i) => {
              const personId = readTextOrNumber(c.personId);
              const name = readTextOrNumber(c.name) ?? "Unnamed";
              return (
                <li key={i}>
                  {personId ? <Link className="font-medium hover:underline" href={`/dashboard/people/${personId}`}>{name}</Link> : <span className="font-medium">{name}</span>}
                  {readTextOrNumber(c.title) ? <span className="text-muted-foreground"> · {readTextOrNumber(c.title)}</span> : null}
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}
      {byPerson.size ? (
        <Section title="Talking points">
          <ul className="space-y-2">
            {[...byPerson.values()].map(({ person, points }) => (
              <li key={person.id}>
                <Link href={`/dashboard/people/${person.id}`} className="font-medium hover:underline">{person.name}</Link>
                {person.title ? <span className="text-muted-foreground"> · {person.title}</span> : null}
                <ul className="mt-0.5 list-disc space-y-0.5 pl-5 text-muted-foreground">
                  {points.map((p) => <li key={p.text}>{p.text} <ClaimSource source={p.source} className="ml-1" /></li>)}
                </ul>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {sources.length ? (
        <Section title="Sources read">
          <ul className="grid gap-1">
            {sources.map((s) => (
              <li key={s.url} className="truncate">
                <a href={s.url} target="_blank" rel="noopener noreferrer nofollow" className="inline-flex items-center gap-1 text-primary hover:underline">
                  {s.title} <ExternalLink className="size-3" aria-hidden />
                </a>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}

function facilityName(f: Record<string, unknown>): string {
  return readTextOrNumber(f.name) ?? ([readTextOrNumber(f.city), readTextOrNumber(f.state)].filter(Boolean).join(", ") || "—");
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="grid gap-1.5">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{title}</h3>
      {children}
    </section>
  );
}
