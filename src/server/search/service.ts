import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";
import type { Actor } from "@/server/access/actor";
import { formatInZone } from "@/lib/time";

/**
 * Global search (Cmd/Ctrl-K): accounts, people, meetings, outreach threads, sequences and
 * templates of the current event, by name, company, email, domain or subject. Ranking, per
 * group: prefix matches first, then "contains" matches, then — when the rep asks for similar
 * names (`similar=true`) — typo-tolerant trigram matches (pg_trgm's strict word similarity,
 * `q <<% column`, names only), each by similarity. The trigram GIN indexes on account
 * name/domain, person name/email and outreach subject serve both ILIKE and `<<%`. The people and
 * accounts found are looked for first (two statements in parallel), then the six groups are
 * ranked in parallel from their ids.
 * Typos are looked for only on request ("No exact matches — search for similar names?"): a typo
 * search reads every row whose trigrams come close to the text, which grows with the data (at
 * 250,000 people, 60–70 ms for "Suply"), and it would run on every keystroke that matches nothing
 * literally ("Nortw" on the way to "Nortwind").
 * Ranking is the expensive part (four similarity functions per row), so each kind of match
 * brings at most CANDIDATES rows to it: a common term (".com" matches every email; "logistics"
 * thousands of company names) costs the same at 50,000 accounts as at 5,000, and prefix matches
 * always compete. When one kind has more matches than that, the best of an arbitrary
 * CANDIDATES of them are shown: typing more narrows it (measured by `npm run bench`, case
 * "global-search", docs/PERFORMANCE.md).
 * Accounts and people in the Trash are not found, nor are the meetings and threads of a trashed
 * person (their pages would be "not found").
 */
export const searchQuery = z.strictObject({
  q: z.string().trim().min(1, "Type something to search for").max(100, "Search for at most 100 characters"),
  eventId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(10).default(5),
  similar: z.enum(["true", "false"], "Send similar=true or similar=false").default("false").transform((v) => v === "true"),
});

type SearchType = "account" | "person" | "meeting" | "thread" | "sequence" | "template";
type SearchHit = { type: SearchType; id: string; title: string; detail: string; href: string };
type SearchGroup = { type: SearchType; label: string; items: SearchHit[] };

const LABELS: Record<SearchType, string> = {
  account: "Accounts", person: "People", meeting: "Meetings", thread: "Outreach threads", sequence: "Sequences", template: "Templates",
};

function escapeLike(term: string) {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type Row = Record<string, unknown> & { id: string };

/** At most this many rows per kind of match (prefix, contains, similar) are ranked. */
const CANDIDATES = 200;

export async function globalSearch(query: z.infer<typeof searchQuery>, actor: Pick<Actor, "eventId" | "event">, db: DbTx = prisma) {
  const { eventId, event } = actor;
  const q = query.q.toLowerCase();
  const prefix = `${escapeLike(q)}%`;
  const contains = `%${escapeLike(q)}%`;
  const limit = query.limit;
  // rank 0 = prefix, 1 = contains, 2 = similar (typo); ties by word similarity, then by how
  // close the whole name is ("Northwind Logistics" before "Gateway Northwind Partners"), then name.
  const rank = (col: Prisma.Sql) => Prisma.sql`CASE WHEN lower(${col}) LIKE ${prefix} THEN 0 WHEN ${col} ILIKE ${contains} THEN 1 ELSE 2 END`;
  // Strict word similarity compares the query with whole words of the column: "Nortwind" is 0.58
  // from "Northwind Logistics", above the default 0.5 threshold; the GIN indexes serve `<<%`.
  const similar = (col: Prisma.Sql) => (query.similar ? Prisma.sql`${q} <<% ${col}` : Prisma.sql`false`);
  const matches = (col: Prisma.Sql) => Prisma.sql`(${col} ILIKE ${contains} OR ${similar(col)})`;
  const sim = (col: Prisma.Sql) => Prisma.sql`strict_word_similarity(${q}, coalesce(${col}, ''))`;
  // Ids of `alias`'s rows (in `from`, filtered by `where`) matching on `col`: up to CANDIDATES
  // prefix matches and contains matches each, and — on request, for names — similar words
  // (typos), only when the text itself matched fewer than `limit` rows. Similar matches rank
  // after literal ones, so they could not have been shown anyway, and looking for them is the
  // costly part: each row whose trigrams come close is read and compared (340 ms for "nor" in
  // 250,000 people, finding none).
  // Emails and domains match only as typed: comparing a typo with their words read thousands of
  // addresses that share trigrams and resemble nothing (84–150 ms at 250,000 people for "Suply",
  // "colld chain" or "Logistcs"), and a typo of a company finds it by name.
  const candidates = (from: Prisma.Sql, alias: Prisma.Sql, where: Prisma.Sql, col: Prisma.Sql, typos: "names" | "as typed") => {
    const kind = (test: Prisma.Sql, extra = Prisma.empty) => Prisma.sql`(SELECT ${alias}.id FROM ${from} WHERE ${where} AND ${test}${extra} LIMIT ${CANDIDATES})`;
    // The "contains" matches are planned as if all were read (a CTE's plan does not see the LIMIT
    // outside it), then read only up to the LIMIT. Planned with the LIMIT, the planner walked a
    // name-ordered index and expected matches to be spread evenly along it; for "nor" at 50,000
    // accounts they cluster in the N's, and it read 32,050 names for 200 (16–23 ms, the trigram
    // bitmap ~5). A common fragment (".com") is still read lazily and stops at the LIMIT.
    const containsKind = Prisma.sql`(WITH m AS MATERIALIZED (SELECT ${alias}.id FROM ${from} WHERE ${where} AND ${col} ILIKE ${contains}) SELECT id FROM m LIMIT ${CANDIDATES})`;
    // Prefixes through the lower-cased btree indexes (migration 20261206150000), "contains"
    // through the trigram ones.
    const literal = Prisma.sql`${kind(Prisma.sql`lower(${col}) LIKE ${prefix}`)} UNION ${containsKind}`;
    if (!query.similar || typos === "as typed") return Prisma.sql`(${literal})`;
    return Prisma.sql`(WITH literal AS (${literal})
      SELECT id FROM literal
      UNION ${kind(Prisma.sql`${q} <<% ${col}`, Prisma.sql` AND (SELECT count(*) FROM literal) < ${limit}`)})`;
  };
  // "@gmail" or ".com" is part of an address: subjects are not searched for it. The trigram index
  // drops the punctuation, so ".com" had every subject with a word starting "com" read and
  // rechecked (9,183 of a million at xl, 140–350 ms) to find none.
  const searchesSubjects = /^[@.]/.test(q) ? Prisma.sql`false` : Prisma.sql`true`;
  const liveAccounts = (col: Prisma.Sql, typos: "names" | "as typed") =>
    candidates(Prisma.sql`target_accounts a`, Prisma.sql`a`, Prisma.sql`a."eventId" = ${eventId} AND a."deletedAt" IS NULL`, col, typos);
  const livePeople = (col: Prisma.Sql, typos: "names" | "as typed") =>
    candidates(Prisma.sql`people p`, Prisma.sql`p`, Prisma.sql`p."eventId" = ${eventId} AND p."deletedAt" IS NULL`, col, typos);

  // The people and accounts found are looked for once and their ids passed on: the person and
  // account groups, the meetings (by person or account name) and the threads (by person name) all
  // start from them. Each group looked for them itself before, so a typo search compared every
  // close person name three times and every close account name twice (docs/PERFORMANCE.md,
  // round 11). Names and emails are found separately because meetings and threads are found by
  // name only.
  type Found = { byName: string[]; byOther: string[] };
  const foundOnce = (run: () => Promise<Found[]>) => {
    const found = run().then((rows) => rows[0]);
    found.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
    return found;
  };
  const peopleFound = foundOnce(() => db.$queryRaw<Found[]>`
    SELECT ARRAY${livePeople(Prisma.sql`p.name`, "names")} AS "byName", ARRAY${livePeople(Prisma.sql`p.email`, "as typed")} AS "byOther"`);
  const accountsFound = foundOnce(() => db.$queryRaw<Found[]>`
    SELECT ARRAY${liveAccounts(Prisma.sql`a.name`, "names")} AS "byName", ARRAY${liveAccounts(Prisma.sql`a.domain`, "as typed")} AS "byOther"`);
  const either = (found: Found) => [...new Set([...found.byName, ...found.byOther])];

  // Of the people and accounts found (up to 400 of each), only those whose rank (prefix, contains,
  // similar) is as good as the limit-th best can be shown: the similarity functions, the costly
  // part of the ordering, are computed for them alone ("c" is the CTE of candidates and their rank).
  const bestRanks = Prisma.sql`c.r <= (SELECT max(r) FROM (SELECT r FROM c ORDER BY r LIMIT ${limit}) best)`;
  const [accounts, people, meetings, threads, sequences, templates] = await Promise.all([
    accountsFound.then((found) => db.$queryRaw<Row[]>`
      WITH c AS MATERIALIZED (
        SELECT a.id, a.name, a.domain, a.tier::text AS tier, a."icpScore", a.industry, LEAST(${rank(Prisma.sql`a.name`)}, ${rank(Prisma.sql`a.domain`)}) AS r
        FROM target_accounts a WHERE a.id = ANY (${either(found)}::text[]))
      SELECT c.*, GREATEST(${sim(Prisma.sql`c.name`)}, ${sim(Prisma.sql`c.domain`)}) AS s
      FROM c WHERE ${bestRanks}
      ORDER BY r, s DESC, similarity(${q}, c.name) DESC, c.name LIMIT ${limit}`),
    peopleFound.then((found) => db.$queryRaw<Row[]>`
      WITH c AS MATERIALIZED (
        SELECT p.id, p.name, p.email, p.title, p."accountId", LEAST(${rank(Prisma.sql`p.name`)}, ${rank(Prisma.sql`p.email`)}) AS r
        FROM people p WHERE p.id = ANY (${either(found)}::text[]))
      SELECT c.id, c.name, c.email, c.title, a.name AS "accountName", c.r, GREATEST(${sim(Prisma.sql`c.name`)}, ${sim(Prisma.sql`c.email`)}) AS s
      FROM c LEFT JOIN target_accounts a ON a.id = c."accountId" WHERE ${bestRanks}
      ORDER BY r, s DESC, similarity(${q}, c.name) DESC, c.name LIMIT ${limit}`),
    // A meeting is found by its person's name, its account's name (the account shown beside it)
    // or its title; each through its own index.
    Promise.all([peopleFound, accountsFound]).then(([foundPeople, foundAccounts]) => db.$queryRaw<Row[]>`
      SELECT m.id, m.title, m."scheduledAt", m.status::text AS status, p.name AS "personName", a.name AS "accountName",
        LEAST(${rank(Prisma.sql`p.name`)}, ${rank(Prisma.sql`a.name`)}, ${rank(Prisma.sql`m.title`)}) AS r
      FROM (
        SELECT m.id FROM meeting m WHERE m."personId" = ANY (${foundPeople.byName}::text[]) AND m."eventId" = ${eventId}
        UNION SELECT m.id FROM meeting m WHERE m."accountId" = ANY (${foundAccounts.byName}::text[]) AND m."eventId" = ${eventId}
        UNION (SELECT m.id FROM meeting m WHERE m."eventId" = ${eventId} AND m.title ILIKE ${contains} LIMIT ${CANDIDATES})
      ) found
      JOIN meeting m ON m.id = found.id JOIN people p ON p.id = m."personId" LEFT JOIN target_accounts a ON a.id = m."accountId"
      WHERE p."deletedAt" IS NULL
      ORDER BY r, m."scheduledAt" DESC LIMIT ${limit}`),
    // A thread is the latest message to a person: found by its subject or the person's name.
    // Subjects match as typed; a typo finds the thread through the person's name. (Fuzzy matching
    // read 78,000 of a million subjects to find none for ".com": most come from a few templates.)
    peopleFound.then((found) => db.$queryRaw<Row[]>`
      WITH hits AS (
        -- Subjects repeat across thousands of messages (templates): the event's distinct subjects
        -- that match (outreach_subjects, prefixes first), then a few messages of each, found by
        -- subject (migration 20261207030000). Reading the matching messages themselves built a
        -- bitmap of all of them: 32,867 of a million for "logistics", 12 ms.
        (SELECT o.id, o."personId", o.subject, o.status, o."sentAt", o."createdAt", ${rank(Prisma.sql`o.subject`)} AS r
         FROM (SELECT s.subject FROM outreach_subjects s
               WHERE s."eventId" = ${eventId} AND s.subject ILIKE ${contains} AND ${searchesSubjects}
               ORDER BY lower(s.subject) LIKE ${prefix} DESC LIMIT ${limit * 20}) s
         CROSS JOIN LATERAL (
           SELECT o.* FROM outreach o JOIN people p ON p.id = o."personId"
           WHERE o."eventId" = ${eventId} AND left(o.subject, 200) = s.subject AND p."deletedAt" IS NULL
           LIMIT ${limit * 4}) o
         LIMIT ${limit * 20})
        UNION ALL
        (SELECT o.id, o."personId", o.subject, o.status, o."sentAt", o."createdAt", ${rank(Prisma.sql`p.name`)} AS r
         FROM people p JOIN outreach o ON o."personId" = p.id
         WHERE p.id = ANY (${found.byName}::text[])
         ORDER BY r, o."createdAt" DESC LIMIT ${limit * 20})
      ), threads AS (
        SELECT DISTINCT ON (h."personId") h.* FROM hits h ORDER BY h."personId", h.r, h."createdAt" DESC
      )
      SELECT t.id, t.subject, t.status::text AS status, t."sentAt", p.name AS "personName", (SELECT count(*)::int FROM outreach x WHERE x."personId" = t."personId") AS messages, t.r
      FROM threads t JOIN people p ON p.id = t."personId"
      ORDER BY t.r, t."createdAt" DESC LIMIT ${limit}`),
    db.$queryRaw<Row[]>`
      SELECT s.id, s.name, s.status::text AS status, (SELECT count(*)::int FROM sequence_steps st WHERE st."sequenceId" = s.id) AS steps, ${rank(Prisma.sql`s.name`)} AS r
      FROM sequences s WHERE s."eventId" = ${eventId} AND ${matches(Prisma.sql`s.name`)}
      ORDER BY r, ${sim(Prisma.sql`s.name`)} DESC, s.name LIMIT ${limit}`,
    db.$queryRaw<Row[]>`
      SELECT t.id, t.name, t.channel::text AS channel, t.subject, ${rank(Prisma.sql`t.name`)} AS r
      FROM email_templates t WHERE (t."eventId" = ${eventId} OR t."eventId" IS NULL) AND t."archivedAt" IS NULL AND (${matches(Prisma.sql`t.name`)} OR t.subject ILIKE ${contains})
      ORDER BY r, ${sim(Prisma.sql`t.name`)} DESC, t.name LIMIT ${limit}`,
  ]);

  const zone = event.timeZone;
  const when = (d: unknown) => formatInZone(d as Date, zone, "weekdayTime");
  const join = (...parts: unknown[]) => parts.filter((p) => p !== null && p !== undefined && p !== "").join(" · ");
  const found: { type: SearchType; items: SearchHit[] }[] = [
    { type: "account", items: accounts.map((a) => ({ type: "account" as const, id: a.id, title: String(a.name), detail: join(`Tier ${a.tier}`, a.icpScore === null ? "not scored" : `ICP ${a.icpScore}`, a.industry, a.domain), href: `/dashboard/accounts/${a.id}` })) },
    { type: "person", items: people.map((p) => ({ type: "person" as const, id: p.id, title: String(p.name), detail: join(p.title, p.accountName, p.email) || "No title or company", href: `/dashboard/people/${p.id}` })) },
    { type: "meeting", items: meetings.map((m) => ({ type: "meeting" as const, id: m.id, title: String(m.title ?? `Meeting with ${m.personName}`), detail: join(when(m.scheduledAt), m.personName, m.accountName, m.status === "SCHEDULED" ? null : String(m.status).toLowerCase().replace("_", "-")), href: `/dashboard/meetings?q=${encodeURIComponent(String(m.personName))}` })) },
    { type: "thread", items: threads.map((t) => ({ type: "thread" as const, id: t.id, title: String(t.subject ?? `Message to ${t.personName}`), detail: join(t.personName, `${t.messages} message${t.messages === 1 ? "" : "s"}`, String(t.status).toLowerCase()), href: `/dashboard/outreach/${t.id}` })) },
    { type: "sequence", items: sequences.map((s) => ({ type: "sequence" as const, id: s.id, title: String(s.name), detail: join(String(s.status).toLowerCase(), `${s.steps} step${s.steps === 1 ? "" : "s"}`), href: `/dashboard/sequences/${s.id}` })) },
    { type: "template", items: templates.map((t) => ({ type: "template" as const, id: t.id, title: String(t.name), detail: join(String(t.channel).toLowerCase(), t.subject), href: "/dashboard/outreach/templates" })) },
  ];
  const groups: SearchGroup[] = found.filter((g) => g.items.length > 0).map((g) => ({ ...g, label: LABELS[g.type] }));
  return { q: query.q, similar: query.similar, groups, total: groups.reduce((n, g) => n + g.items.length, 0) };
}
