import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db";
import { cachedEventMetrics, cachedHeatmap } from "@/server/cache/event-metrics";
import { createMeeting } from "@/server/meetings/scheduling";
import { createMeetingBody } from "@/server/meetings/schemas";
import { commitImportBody } from "@/server/import/schemas";
import { createBackgroundJob } from "@/server/jobs/background";
import { recordActivity } from "@/server/activity/service";
import { applyEmailEvent } from "@/server/tracking/events";
import { actorFor } from "../helpers/factories";
import { meetingWorld } from "../helpers/meetings-fixtures";
import { createDraft } from "../helpers/outreach-fixtures";
import { jobRow, runJobs } from "../helpers/jobs";

/**
 * Issue 21 item 6: the cached dashboard figures expire with the write, whoever makes it — a
 * service call from a script or server action, a job the worker runs — not with the HTTP verb of
 * the route that happened to be called. Next's data cache does not exist outside a Next server,
 * so it is stood in for by a store that behaves like it for one key: a hit returns the value
 * stored under exactly the same key parts, for as long as the test runs (no lifetime).
 *
 * Only figures over a date range are cached (the rest are read from the rollups, uncached), so
 * every read here asks for a range that covers everything.
 */
const RANGE = { from: new Date("2000-01-01T00:00:00Z"), to: new Date("2100-01-01T00:00:00Z") };
const HEAT_RANGE = { from: "2000-01-01", to: "2100-01-01" };
const store = vi.hoisted(() => ({ entries: new Map<string, unknown>(), computed: 0 }));
vi.mock("next/cache", () => ({
  unstable_cache: (compute: () => Promise<unknown>, keyParts: string[]) => async () => {
    const key = JSON.stringify(keyParts);
    if (!store.entries.has(key)) {
      store.computed++;
      store.entries.set(key, await compute());
    }
    return store.entries.get(key);
  },
}));

async function world() {
  const w = await meetingWorld({ role: "ADMIN" });
  return { ...w, actor: await actorFor(w.user, w.event.id) };
}

describe("cached event metrics", () => {
  it("are not cached without a date range: the rollups answer, always current", async () => {
    const { event } = await world();
    const computed = store.computed;
    await cachedEventMetrics(event.id);
    await cachedHeatmap(event);
    expect(store.computed).toBe(computed);
  });

  it("serve a repeated read from the cache while nothing changed", async () => {
    const { event } = await world();
    const first = await cachedEventMetrics(event.id, RANGE);
    const computed = store.computed;
    expect(await cachedEventMetrics(event.id, RANGE)).toEqual(first);
    expect(store.computed).toBe(computed);
  });

  it("count a meeting booked by a plain service call (no HTTP request) on the next read", async () => {
    const { event, person, actor } = await world();
    const before = await cachedEventMetrics(event.id, RANGE);
    await createMeeting(createMeetingBody.parse({ personId: person.id, scheduledAt: "2026-12-15T10:00", sendInvite: false }), actor);
    const after = await cachedEventMetrics(event.id, RANGE);
    expect(after.meetings.booked).toBe(before.meetings.booked + 1);
    expect(after.accounts.byStatus.MEETING_SCHEDULED).toBe(before.accounts.byStatus.MEETING_SCHEDULED + 1);
  });

  it("count the accounts a background import job created on the next read", async () => {
    const { event, actor } = await world();
    const before = await cachedEventMetrics(event.id, RANGE);
    const csv = ["Company name,Website,First Name,Last Name,Email", "Cache Co One,cache-one.test,Ann,Lee,ann@cache-one.test", "Cache Co Two,cache-two.test,Bo,Kim,bo@cache-two.test"].join("\n");
    const job = await createBackgroundJob({ kind: "import", label: "Import of cache.csv (2 rows)", eventId: event.id, actor, input: commitImportBody.parse({ csv, fileName: "cache.csv" }) });
    await runJobs();
    expect(await jobRow(job.id)).toMatchObject({ status: "SUCCEEDED" });
    const after = await cachedEventMetrics(event.id, RANGE);
    expect(after.accounts.total).toBe(before.accounts.total + 2);
    expect(after.people).toBe(before.people + 2);
  });

  it("expire even when the change is recorded at an earlier time (an offline capture synced late)", async () => {
    const { event, account, actor } = await world();
    const before = await cachedEventMetrics(event.id, RANGE);
    await prisma.$transaction(async (tx) => {
      await tx.targetAccount.update({ where: { id: account.id }, data: { status: "WON" } });
      await recordActivity({ type: "account.status_changed", description: "Won at the booth", actorId: actor.id, eventId: event.id, accountId: account.id, occurredAt: new Date("2020-01-01T00:00:00Z") }, tx);
    });
    expect((await cachedEventMetrics(event.id, RANGE)).accounts.won).toBe(before.accounts.won + 1);
  });

  it("recompute the heatmap after a repeat open, which adds an email event but no activity", async () => {
    const { event, person, user } = await world();
    const draft = await createDraft({ eventId: event.id, personId: person.id, ownerId: user.id });
    await prisma.outreach.update({ where: { id: draft.id }, data: { status: "SENT", sentAt: new Date(Date.now() - 3_600_000), toEmail: person.email } });
    const human = { userAgent: "Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Version/18.0 Safari/605.1.15", ip: "198.51.100.7", source: "pixel" as const };
    await applyEmailEvent({ outreachId: draft.id, kind: "open", at: new Date(Date.now() - 1_800_000), ...human });
    const first = await cachedHeatmap(event, HEAT_RANGE);
    const activities = await prisma.activity.count({ where: { eventId: event.id } });
    await applyEmailEvent({ outreachId: draft.id, kind: "open", at: new Date(Date.now() - 600_000), ...human });
    expect(await prisma.activity.count({ where: { eventId: event.id } })).toBe(activities);
    expect((await cachedHeatmap(event, HEAT_RANGE)).totals.opens).toBe(first.totals.opens + 1);
  });
});
