import { ExternalLink, FileSearch } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/data-table/format";
import { readTextOrNumber, safeHttpUrl } from "@/lib/untrusted-json";
import { readClaims, sourceLabel } from "@/lib/claims";
import { ClaimSource } from "@/components/research/claim-source";

type Dossier = {
  summary: string | null;
  footprint: string | null;
  facilities: unknown;
  painPoints: unknown;
  techStack: unknown;
  recentNews: unknown;
  keyContacts: unknown;
  sources: unknown;
  provider: string | null;
  researchedAt: Date | string;
};


// Dossier JSON comes from research providers and imports: read it defensively.
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The research dossier, read-only; an honest empty state when the account has not been researched. */
export function DossierCard({ dossier, accountName, compact = false }: { dossier: Dossier | null; accountName: string; compact?: boolean }) {
  if (!dossier) {
    return (
      <Card data-testid="dossier-card">
        <CardHeader>
          <CardTitle>Research dossier</CardTitle>
        </CardHeader>
        <CardContent>
          <div className="flex items-start gap-3 rounded-md border border-dashed p-4 text-sm text-muted-foreground">
            <FileSearch className="mt-0.5 size-5 shrink-0" aria-hidden />
            <p>{accountName} has not been researched yet. When research runs, its summary, facilities, pain points, tech stack, news and sources appear here.</p>
          </div>
        </CardContent>
      </Card>
    );
  }
  const facilities = arr(dossier.facilities).map(obj);
  const pains = readClaims(dossier.painPoints);
  const tech = readClaims(dossier.techStack);
  const news = arr(dossier.recentNews).map(obj);
  const contacts = arr(dossier.keyContacts).map(obj);
  const sources = arr(dossier.sources).map(obj);
  return (
    <Card data-testid="dossier-card">
      <CardHeader>
        <CardTitle>Research dossier</CardTitle>
        <CardDescription>
          Researched {formatDate(dossier.researchedAt)}
          {dossier.provider ? ` · ${dossier.provider === "built-in" ? "from the account's own data and its website (built-in researcher)" : dossier.provider}` : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        {dossier.summary ? <p className="leading-relaxed">{dossier.summary}</p> : null}
        {dossier.footprint ? (
          <Section title="Footprint">
            <p>{dossier.footprint}</p>
          </Section>
        ) : null}
        {pains.length ? (
          <Section title="Pain points">
            <ul className="grid gap-1">
              {pains.map((p) => (
                <li key={p.text} className="flex gap-2"><span className="mt-2 size-1.5 shrink-0 rounded-full bg-warning" aria-hidden /><span className="min-w-0">{p.text} <ClaimSource source={p.source} className="ml-1" /></span></li>
              ))}
            </ul>
          </Section>
        ) : null}
        {!compact && facilities.length ? (
          <Section title={`Facilities (${facilities.length} researched)`}>
            <div className="overflow-x-auto">
              <table className="w-full text-xs">
                <thead className="text-left text-muted-foreground">
                  <tr><th className="py-1 pr-3 font-medium">Site</th><th className="py-1 pr-3 font-medium">Type</th><th className="py-1 pr-3 text-right font-medium">Dock doors</th><th className="py-1 text-right font-medium">Trailer spots</th></tr>
                </thead>
                <tbody className="divide-y">
                  {facilities.map((f, i) => (
                    <tr key={i}>
                      <td className="py-1 pr-3">{readTextOrNumber(f.name) ?? ([readTextOrNumber(f.city), readTextOrNumber(f.state)].filter(Boolean).join(", ") || "—")}</td>
                      <td className="py-1 pr-3 text-muted-foreground">{readTextOrNumber(f.type) ?? "—"}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{readTextOrNumber(f.dockDoors) ?? "—"}</td>
                      <td className="py-1 text-right tabular-nums">{readTextOrNumber(f.trailerPositions) ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        ) : null}
        {tech.length ? (
          <Section title="Tech stack">
            <div className="flex flex-wrap gap-1.5">
              {tech.map((t) => <Badge key={t.text} variant="secondary" title={`Source: ${sourceLabel(t.source)}`}>{t.text}</Badge>)}
            </div>
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
                    {url ? <a href={url} target="_blank" rel="noopener noreferrer" className="font-medium hover:underline">{title}</a> : <span className="font-medium">{title}</span>}
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
              {contacts.map((c, i) => (
                <li key={i}>
                  {readTextOrNumber(c.personId) ? <a className="font-medium hover:underline" href={`/dashboard/people/${readTextOrNumber(c.personId)}`}>{readTextOrNumber(c.name)}</a> : <span className="font-medium">{readTextOrNumber(c.name)}</span>}
                  {readTextOrNumber(c.title) ? <span className="text-muted-foreground"> · {readTextOrNumber(c.title)}</span> : null}
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
        {sources.length ? (
          <Section title="Sources">
            <ul className="grid gap-1">
              {sources.map((s, i) => {
                const url = safeHttpUrl(s.url);
                return (
                  <li key={i} className="truncate">
                    {url ? (
                      <a href={url} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-primary hover:underline">
                        {readTextOrNumber(s.title) ?? url} <ExternalLink className="size-3" aria-hidden />
                      </a>
                    ) : (readTextOrNumber(s.title) ?? "—")}
                  </li>
                );
              })}
            </ul>
          </Section>
        ) : null}
      </CardContent>
    </Card>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="grid gap-1.5">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{title}</h3>
      {children}
    </section>
  );
}
