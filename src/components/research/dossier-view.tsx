import Link from "next/link";
import { ExternalLink } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { readText, safeHttpUrl } from "@/lib/untrusted-json";
import { readClaims, sourceLabel } from "@/lib/claims";
import { ClaimSource } from "@/components/research/claim-source";

/**
 * A research dossier as a rep reads it. Works in server and client components (no hooks), so
 * the account page can render it too: pass the CompanyDossier's fields as they come from the
 * database or the JSON API (JSON columns are read defensively: any shape missing is skipped).
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

const objects = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null) : [];

export function DossierView({ dossier, talkingPoints = [] }: { dossier: DossierData; talkingPoints?: TalkingPoint[] }) {
  const pains = readClaims(dossier.painPoints);
  const tech = readClaims(dossier.techStack);
  const facilities = objects(dossier.facilities);
  const news = objects(dossier.recentNews);
  const contacts = objects(dossier.keyContacts);
  const sources = objects(dossier.sources);
  const byPerson = new Map<string, { person: NonNullable<TalkingPoint["person"]>; points: { text: string; source: string | null }[] }>();
  for (const tp of talkingPoints) {
    if (!tp.person) continue;
    const entry = byPerson.get(tp.person.id) ?? { person: tp.person, points: [] };
    entry.points.push({ text: tp.content, source: tp.citation ?? null });
    byPerson.set(tp.person.id, entry);
  }
  const researched = new Date(dossier.researchedAt);
  return (
    <div className="grid gap-4 text-sm" data-testid="dossier">
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
        <Badge variant="secondary">{dossier.provider === "built-in" || !dossier.provider ? "Built-in researcher: from the account's own data and its website" : dossier.provider}</Badge>
        Researched {researched.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}
      </div>
      {dossier.summary ? <p className="leading-relaxed">{dossier.summary}</p> : null}
      {dossier.footprint ? (
        <Section title="Footprint">
          <p>{dossier.footprint}</p>
          {facilities.length ? (
            <ul className="mt-1 flex flex-wrap gap-1.5">
              {facilities.slice(0, 12).map((f, i) => (
                <li key={i} className="rounded-md bg-muted px-2 py-0.5 text-xs">
                  {readText(f.name) ?? [readText(f.city), readText(f.state)].filter(Boolean).join(", ")}
                  {readText(f.type) ? ` · ${readText(f.type)}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
        </Section>
      ) : null}
      {pains.length ? (
        <Section title="Likely pain points">
          <ul className="list-disc space-y-1 pl-5">
            {pains.map((p) => (
              <li key={p.text}>{p.text} <ClaimSource source={p.source} className="ml-1" /></li>
            ))}
          </ul>
        </Section>
      ) : null}
      {tech.length ? (
        <Section title="Tech stack">
          <ul className="flex flex-wrap gap-1.5">
            {tech.map((t) => (
              <li key={t.text} className="rounded-md border px-2 py-0.5 text-xs" title={`Source: ${sourceLabel(t.source)}`}>
                {t.text}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {news.length ? (
        <Section title="Recent news">
          <ul className="space-y-1">
            {news.map((n, i) => {
              const href = safeHttpUrl(n.url);
              return (
                <li key={i}>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-primary hover:underline">
                      {readText(n.title) ?? href}
                    </a>
                  ) : (
                    readText(n.title)
                  )}
                  {readText(n.date) ? <span className="text-muted-foreground"> · {readText(n.date)}</span> : null}
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}
      {contacts.length ? (
        <Section title="Key contacts">
          <ul className="space-y-1">
            {contacts.map((c, i) => (
              <li key={i}>
                {readText(c.personId) ? (
                  <Link href={`/dashboard/people/${readText(c.personId)}`} className="font-medium hover:underline">
                    {readText(c.name)}
                  </Link>
                ) : (
                  <span className="font-medium">{readText(c.name)}</span>
                )}
                {readText(c.title) ? <span className="text-muted-foreground"> · {readText(c.title)}</span> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {byPerson.size ? (
        <Section title="Talking points">
          <ul className="space-y-2">
            {[...byPerson.values()].map(({ person, points }) => (
              <li key={person.id}>
                <Link href={`/dashboard/people/${person.id}`} className="font-medium hover:underline">
                  {person.name}
                </Link>
                {person.title ? <span className="text-muted-foreground"> · {person.title}</span> : null}
                <ul className="mt-0.5 list-disc space-y-0.5 pl-5 text-muted-foreground">
                  {points.map((p) => (
                    <li key={p.text}>{p.text} <ClaimSource source={p.source} className="ml-1" /></li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title="Sources">
        {sources.length ? (
          <ul className="space-y-1">
            {sources.map((s, i) => {
              const href = safeHttpUrl(s.url);
              return href ? (
                <li key={i}>
                  <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="inline-flex items-center gap-1 text-primary hover:underline">
                    {readText(s.title) ?? href} <ExternalLink className="size-3" aria-hidden />
                  </a>
                </li>
              ) : null;
            })}
          </ul>
        ) : (
          <p className="text-muted-foreground">No web sources: this dossier is built from the account’s own data.</p>
        )}
      </Section>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="grid gap-1">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{title}</h3>
      {children}
    </section>
  );
}
