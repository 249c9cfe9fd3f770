/**
 * The hot reads, through the services the routes and pages call, each next to a raw-SQL
 * baseline: the best hand-written SQL for the same result, sent through `pg` without Prisma.
 * "service ÷ raw" is p50 over p50 (p95 is reported too; p50 is the stabler figure on a shared
 * 2-core machine). Inputs rotate (pages, ids) so no case measures one hot row.
 */
import { listAccounts, listAccountsQuery, getAccountDetail } from "@/server/accounts/service";
import { listPeople, listPeopleQuery, getPersonDetail } from "@/server/people/service";
import { getDashboardStats } from "@/server/dashboard/overview";
import { getEngagementHeatmap } from "@/server/analytics/heatmap";
import { buildReport } from "@/server/reports/build";
import { reportConfig } from "@/server/reports/config";
import { REPORT_SECTIONS } from "@/lib/reports/labels";
import { getShowPnl } from "@/server/roi/show-pnl";
import { globalSearch, searchQuery } from "@/server/search/service";
import { accountFilterOptions } from "@/server/accounts/service";
import { listActivities, listActivitiesQuery, listActivityTypes } from "@/server/activity/feed";
import { getMyDay } from "@/server/dashboard/my-day";
import { listOutreach, outreachStats } from "@/server/outreach/service";
import { listOutreachQuery } from "@/server/outreach/schemas";
import { listCampaigns } from "@/server/campaigns/service";
import { listEnrollments, listSequences, sequenceProgress } from "@/server/sequences/service";
import { listResearchCandidates } from "@/server/research/service";
import { researchCandidatesQuery } from "@/server/research/schemas";
import { boothAgenda } from "@/server/booth/service";
import { measure, measurePair, round } from "../lib/measure";
import { RAW } from "../lib/raw-sql";
import type { BenchCase, BenchContext, BenchResult, Budget, LatencySample } from "../lib/types";

function latencyMetrics(service: LatencySample, raw?: LatencySample): Record<string, number> {
  const m: Record<string, number> = { p50Ms: service.p50, p95Ms: service.p95, meanMs: service.mean, n: service.n };
  if (raw) Object.assign(m, { rawP50Ms: raw.p50, rawP95Ms: raw.p95, ratio: round(service.p50 / raw.p50), ratioP95: round(service.p95 / raw.p95) });
  return m;
}

async function sampleIds(ctx: BenchContext, sql: string, n: number): Promise<string[]> {
  const { rows } = await ctx.pg.query<{ id: string }>(sql, [ctx.eventId, n]);
  if (rows.length === 0) throw new Error(`no sample ids from: ${sql}`);
  return rows.map((r) => r.id);
}

interface Operation {
  id: string;
  label: string;
  budgets: Budget[];
  service: (i: number) => Promise<unknown>;
  raw?: (i: number) => Promise<unknown>;
  /** The ids a result shows, in order, for service and raw alike: they must be equal for every input before either is timed. */
  ids?: { service: (result: never) => string[]; raw: (result: never) => string[] };
  /** Aggregates are slower: fewer iterations. */
  heavy?: boolean;
}

const RATIO: Budget = { metric: "ratio", max: 2.0 };
const INDEXED_PEOPLE_ORDERS = ["name", "title", "account", "lastActivityAt", "lastTouchedAt"] as const;
const INDEXED_ACCOUNT_ORDERS = ["industry", "employeeCount", "facilityCount", "people", "lastTouchedAt"] as const;
/** Call i of a case that cycles through values: each value in turn, then the next page (1–3). */
function inTurn<T>(values: readonly T[], i: number) {
  return { value: values[i % values.length]!, page: String(1 + (Math.floor(i / values.length) % 3)), pageSize: "50" };
}
/** Call i of a header-click case: each order in turn, first click (descending), pages 1–3. */
function headerClick<T extends string>(orders: readonly T[], i: number) {
  const { value, ...page } = inTurn(orders, i);
  return { sort: value, dir: "desc", ...page };
}
const TIER_CHIPS = ["A", "B", "C"] as const;
// Issue 17: the dashboard's figures, report metrics and the heatmap answer in ≤ 20 ms at every
// dataset size, from the per-event rollups and without the metrics cache (not in play here).
const ROLLUP_READ: Budget = { metric: "p95Ms", max: 20 };
/** 1 when the service and its raw baseline returned the same ids in the same order for every input checked. */
const SAME_IDS: Budget = { metric: "sameIds", min: 1 };

type WithId = { id: string };
const idsOf = (rows: readonly WithId[] | null | undefined) => (rows ?? []).map((r) => r.id);
const listIds = { service: (r: { items: WithId[] }) => idsOf(r.items), raw: (r: { items: WithId[] }) => idsOf(r.items) };
type AccountDetailIds = { account: WithId; people: WithId[]; outreach: WithId[]; meetings: WithId[]; activities: WithId[]; insights: WithId[] };
const accountDetailIds = (r: AccountDetailIds) => [r.account.id, ...[r.people, r.outreach, r.meetings, r.activities, r.insights].flatMap((list) => ["|", ...idsOf(list)])];
type PersonDetailIds = { outreach: WithId[]; meetings: WithId[]; enrollments: WithId[]; activities: WithId[]; colleagues: WithId[] };
const personDetailIds = (r: PersonDetailIds, person: WithId, insights: WithId[]) =>
  [person.id, ...[insights, r.outreach, r.meetings, r.enrollments, r.activities, r.colleagues].flatMap((list) => ["|", ...idsOf(list)])];
const PAGES = 10;
const SEARCH_TERMS = ["log", "freight", "cold", "supply", "trans", "port", "ware", "fleet", "mar", "dist"];
// Global search: prefixes, whole names, one-letter typos, an email and a domain fragment.
const GLOBAL_TERMS = ["nor", "logistics", "Fregiht", "colld chain", "dana", "@gmail", ".com", "harbor", "Suply", "yard"];
// The same palette when the rep asks for similar names after "No exact matches" (typos only).
const SIMILAR_TERMS = ["Fregiht", "colld chain", "Suply", "Nortwind", "Logistcs"];

async function operations(ctx: BenchContext): Promise<Operation[]> {
  const listQueryOn = (page: number) =>
    listAccountsQuery.parse({ eventId: ctx.eventId, tier: "A,B", status: "PROSPECTING,ENGAGED", sort: "icpScore", dir: "desc", page: String(page), pageSize: "50" });
  const peopleQueryOn = (page: number) => listPeopleQuery.parse({ eventId: ctx.eventId, sort: "icpScore", dir: "desc", page: String(page), pageSize: "50" });
  // Pages 1–10, or as many as the dataset has (the medium set has fewer filtered accounts): an
  // empty page past the end would measure nothing.
  const pagesOf = (total: number) => Math.max(1, Math.min(PAGES, Math.ceil(total / 50)));
  const accountPages = pagesOf((await listAccounts(listQueryOn(1), ctx.admin)).total);
  const peoplePages = pagesOf((await listPeople(peopleQueryOn(1), ctx.admin)).total);
  const accountPage = (i: number) => (i % accountPages) + 1;
  const peoplePage = (i: number) => (i % peoplePages) + 1;
  const listQuery = (i: number) => listQueryOn(accountPage(i));
  const peopleQuery = (i: number) => peopleQueryOn(peoplePage(i));
  // The 200 accounts with the highest ICP (the ones reps open) and the 200 people with the most history.
  const accountIds = await sampleIds(ctx, `SELECT a.id FROM target_accounts a WHERE a."eventId" = $1 ORDER BY a."icpScore" DESC NULLS LAST, a.id LIMIT $2`, 200);
  const personIds = await sampleIds(
    ctx,
    `SELECT p.id FROM people p WHERE p."eventId" = $1 ORDER BY (SELECT count(*) FROM outreach o WHERE o."personId" = p.id) DESC, p.id LIMIT $2`,
    200,
  );
  const event = { id: ctx.eventId, timeZone: ctx.eventTimeZone };
  // The seed's largest sequence (2,000 enrollments at large, 20,000 at xl). Not one the sequences
  // case left behind in a reused database ("Bench sequence …", 10,300 enrollments): a --reuse run
  // after a full one measured that at large, which made the growth table compare unlike sequences.
  const [sequenceId] = await sampleIds(
    ctx,
    `SELECT s.id FROM sequences s WHERE s."eventId" = $1 AND s.name NOT LIKE 'Bench sequence %'
     ORDER BY (SELECT count(*) FROM sequence_enrollments e WHERE e."sequenceId" = s.id) DESC, s.id LIMIT $2`,
    1,
  );
  if (!sequenceId) throw new Error("the bench event has no sequence");
  // The report's metrics; its P&L section is the show-pnl row (costs and opportunities, not rolled up).
  const reportDefinition = reportConfig.parse({ filters: { tiers: ["A", "B"] }, sections: REPORT_SECTIONS.filter((s) => s !== "roi") });
  return [
    {
      id: "service.accounts-list", label: `accounts list (tier A+B, 2 statuses, ICP sort, page 1–${accountPages} of 50)`, budgets: [{ metric: "p95Ms", max: 50 }, RATIO, SAME_IDS],
      service: (i) => listAccounts(listQuery(i), ctx.admin),
      raw: (i) => RAW.accountsList(ctx.pg, ctx.eventId, accountPage(i), 50),
      ids: listIds,
    },
    {
      id: "service.accounts-search", label: "accounts search (q=…, name sort)", budgets: [{ metric: "p95Ms", max: 50 }],
      service: (i) => listAccounts(listAccountsQuery.parse({ eventId: ctx.eventId, q: SEARCH_TERMS[i % SEARCH_TERMS.length], sort: "name", dir: "asc" }), ctx.admin),
    },
    {
      id: "service.account-detail", label: "account detail (200 top accounts)", budgets: [RATIO, SAME_IDS],
      service: (i) => getAccountDetail(accountIds[i % accountIds.length], ctx.admin),
      raw: (i) => RAW.accountDetail(ctx.pg, accountIds[i % accountIds.length]),
      ids: { service: accountDetailIds, raw: accountDetailIds },
    },
    {
      id: "service.people-list", label: `people list (ICP sort, page 1–${peoplePages} of 50)`, budgets: [RATIO, SAME_IDS],
      service: (i) => listPeople(peopleQuery(i), ctx.admin),
      raw: (i) => RAW.peopleList(ctx.pg, ctx.eventId, peoplePage(i), 50),
      ids: listIds,
    },
    {
      id: "service.person-detail", label: "person detail (200 people with the most outreach)", budgets: [{ metric: "p95Ms", max: 30 }, RATIO, SAME_IDS],
      service: (i) => getPersonDetail(personIds[i % personIds.length], ctx.admin),
      raw: (i) => RAW.personDetail(ctx.pg, personIds[i % personIds.length]),
      ids: {
        service: (r: PersonDetailIds & { person: WithId & { insights: WithId[] } }) => personDetailIds(r, r.person, r.person.insights),
        raw: (r: PersonDetailIds & { person: WithId; insights: WithId[] }) => personDetailIds(r, r.person, r.insights),
      },
    },
    {
      id: "service.dashboard-stats", label: "dashboard stats (metrics + recent feed)", budgets: [ROLLUP_READ, RATIO], heavy: true,
      service: () => getDashboardStats(ctx.eventId),
      raw: () => RAW.dashboardStats(ctx.pg, ctx.eventId),
    },
    {
      // What a rep's dashboard loads by default: the feed of their own accounts, people and actions.
      // Each member of the demo team in turn (owners of 550 to 1,800 accounts at large, ten times
      // that at xl): until round 21 the read's cost depended on whose feed it was and on how busy
      // the others had been, and one rep's figure hid that.
      id: "service.dashboard-stats-rep", label: "dashboard stats, each demo team member's own feed in turn (a rep's default view)", budgets: [ROLLUP_READ], heavy: true,
      service: (i) => getDashboardStats(ctx.eventId, {}, { mineFor: ctx.teamIds[i % ctx.teamIds.length] }),
    },
    {
      id: "service.heatmap", label: "engagement heatmap (whole event)", budgets: [ROLLUP_READ], heavy: true,
      service: () => getEngagementHeatmap(event),
    },
    {
      id: "service.global-search", label: "global search (6 record types; prefixes, typos, emails, domains)", budgets: [{ metric: "p95Ms", max: 30 }],
      service: (i) => globalSearch(searchQuery.parse({ q: GLOBAL_TERMS[i % GLOBAL_TERMS.length], eventId: ctx.eventId }), ctx.admin),
    },
    {
      id: "service.global-search-similar", label: "global search, similar names on request (typos)", budgets: [{ metric: "p95Ms", max: 30 }],
      service: (i) => globalSearch(searchQuery.parse({ q: SIMILAR_TERMS[i % SIMILAR_TERMS.length], eventId: ctx.eventId, similar: "true" }), ctx.admin),
    },
    {
      id: "service.show-pnl", label: "show P&L (whole event and the previous show)", budgets: [{ metric: "p95Ms", max: 150 }], heavy: true,
      service: () => getShowPnl(ctx.eventId),
    },
    {
      id: "service.report-metrics", label: "report metrics (tier A+B filter, without the P&L section)", budgets: [ROLLUP_READ], heavy: true,
      service: () => buildReport(ctx.eventId, reportDefinition),
    },
    // The lists in the orders a rep gets by clicking a column's header (the first click sorts
    // descending). Round 22 found every order but the default sorting all of the event's records
    // (0.1–2.5 s at xl) and gave indexes to those an index can serve; round 23 stored an account's
    // people and engagement and read a person's account by walking the accounts by name. Held to
    // the growth limit like the lists above.
    {
      id: "service.people-list-orders", label: "people list by name, title, account, last activity and engagement (header clicks, pages 1–3)", budgets: [],
      service: (i) => listPeople(listPeopleQuery.parse({ eventId: ctx.eventId, ...headerClick(INDEXED_PEOPLE_ORDERS, i) }), ctx.admin),
    },
    // A tier chip on the people list: until round 23 its total counted every person of the tier
    // through their accounts and its page walked the other tiers' people first (425 ms p50 at xl);
    // now the total comes from the rollups and the page from the person's stored tier, by index.
    {
      id: "service.people-list-tier", label: "people list, one tier chip (A, B, C in turn; ICP order, pages 1–3)", budgets: [],
      service: (i) => {
        const { value, ...page } = inTurn(TIER_CHIPS, i);
        return listPeople(listPeopleQuery.parse({ eventId: ctx.eventId, tier: value, ...page }), ctx.admin);
      },
    },
    {
      id: "service.accounts-list-orders", label: "accounts list by industry, employees, sites, people and engagement (header clicks, pages 1–3)", budgets: [],
      service: (i) => listAccounts(listAccountsQuery.parse({ eventId: ctx.eventId, ...headerClick(INDEXED_ACCOUNT_ORDERS, i) }), ctx.admin),
    },
    // What the pages a rep opens read besides the lists above (round 17: each of these counted or
    // sorted everything of its kind, 0.2–2.5 s at xl). No absolute budget of their own: the growth
    // table holds them to ≤ 1.5× from large to xl (lib/growth.ts).
    {
      id: "service.page-my-day", label: "dashboard: My day (a rep's replies, tasks, hot accounts, meetings, walk-ups)", budgets: [],
      service: () => getMyDay(ctx.rep.id, event),
    },
    {
      id: "service.page-outreach", label: "outreach page: first page, its total and the stats", budgets: [],
      service: () => Promise.all([listOutreach(listOutreachQuery.parse({}), ctx.rep), outreachStats({}, ctx.rep)]),
    },
    {
      id: "service.page-activity", label: "activity page: the log's first page, its total and the type filter", budgets: [],
      service: () => Promise.all([listActivities(ctx.eventId, listActivitiesQuery.parse({})), listActivityTypes(ctx.eventId)]),
    },
    {
      id: "service.page-accounts-filters", label: "accounts page: industry and team filter options", budgets: [],
      service: () => accountFilterOptions(ctx.rep),
    },
    {
      id: "service.page-campaigns", label: "campaigns page: every campaign's rates", budgets: [],
      service: () => listCampaigns(ctx.rep),
    },
    {
      id: "service.page-sequence", label: `sequence page and list: progress, enrollments, counts (the largest sequence)`, budgets: [],
      service: () => Promise.all([sequenceProgress(sequenceId, ctx.rep), listEnrollments(sequenceId, ctx.rep), listSequences(ctx.rep)]),
    },
    {
      id: "service.page-research", label: "research page: the queue's first page and its total", budgets: [],
      service: () => listResearchCandidates(researchCandidatesQuery.parse({ eventId: ctx.eventId }), ctx.rep),
    },
    {
      id: "service.page-booth", label: "booth page: a rep's first view of the show day", budgets: [],
      service: () => boothAgenda(ctx.rep, { firstView: true }),
    },
  ];
}

/** Inputs compared per operation: every list page (PAGES) and as many detail records. */
const SAME_IDS_INPUTS = 20;

/** Runs service and raw once per input and compares the ids they return, in order. */
async function sameIds(op: Operation, inputs: number, log: (line: string) => void): Promise<boolean> {
  const ids = op.ids as { service: (r: unknown) => string[]; raw: (r: unknown) => string[] };
  let compared = 0;
  for (let i = 0; i < inputs; i++) {
    const [service, raw] = [ids.service(await op.service(i)), ids.raw(await op.raw!(i))];
    compared += service.length;
    if (service.join(",") !== raw.join(",")) {
      const at = service.findIndex((id, n) => id !== raw[n]);
      log(`  ${op.id}: the raw baseline does not return what the service does (input ${i}, ${service.length} vs ${raw.length} ids, first difference at ${at}: ${service[at]} vs ${raw[at]})`);
      return false;
    }
  }
  // Two empty answers agree about nothing.
  if (compared === 0) log(`  ${op.id}: no ids to compare (empty results)`);
  return compared > 0;
}

export const benchCase: BenchCase = {
  name: "services",
  mutates: false,
  async run(ctx) {
    // BENCH_ONLY=<regex> measures only the matching operations (while tuning one of them).
    const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
    const results: BenchResult[] = [];
    for (const op of await operations(ctx)) {
      if (only && !only.test(op.id)) continue;
      const opts = op.heavy
        ? { warmup: ctx.quick ? 3 : 10, iterations: ctx.quick ? 20 : 100 }
        : { warmup: ctx.quick ? 5 : 20, iterations: ctx.quick ? 30 : 200 };
      const same = op.raw && op.ids ? await sameIds(op, SAME_IDS_INPUTS, ctx.log) : undefined;
      // Service and raw SQL alternate call by call so that a noisy moment hurts both alike.
      const [service, raw] = op.raw ? await measurePair(op.service, op.raw, opts) : [await measure(op.service, opts), undefined];
      const metrics = latencyMetrics(service, raw);
      if (same !== undefined) metrics.sameIds = same ? 1 : 0;
      results.push({ id: op.id, group: "service", label: op.label, metrics, budgets: op.budgets });
      ctx.log(`  ${op.label}: p50 ${service.p50} ms, p95 ${service.p95} ms${raw ? `, raw p50 ${raw.p50} ms → ×${round(service.p50 / raw.p50)}` : ""}`);
    }
    return results;
  },
};
