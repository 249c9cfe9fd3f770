import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as accountsRoute from "@/app/api/accounts/route";
import * as peopleRoute from "@/app/api/people/route";
import { getEventMetrics } from "@/server/dashboard/stats";
import { callRoute } from "../helpers/request";
import { createEvent, createSession, createUser } from "../helpers/factories";

// Issue 16 item 2: "Which tier-A accounts haven't we contacted?" could not be answered.
const DAY = 86_400_000;

async function fixture() {
  const event = await createEvent({ name: "Engagement Expo" });
  const rep = await createUser({ name: "Engagement Rep" });
  await prisma.user.update({ where: { id: rep.id }, data: { lastEventId: event.id } });
  const { cookie } = await createSession(rep.id);
  let n = 0;
  const account = async (name: string, tier: "A" | "B", status: "PROSPECTING" | "WON" = "PROSPECTING") => {
    const a = await prisma.targetAccount.create({ data: { eventId: event.id, name, normalizedName: name.toLowerCase(), tier, status } });
    const p = await prisma.person.create({ data: { eventId: event.id, accountId: a.id, firstName: name, lastName: "Contact", name: `${name} Contact`, email: `c${n++}-${event.id}@eng.test` } });
    return { a, p };
  };
  const cold = await account("Cold A", "A");
  const draftOnly = await account("Draft Only A", "A");
  const emailed = await account("Emailed A", "A");
  const answered = await account("Answered A", "A");
  const met = await account("Met A", "A");
  const won = await account("Won A", "A", "WON");
  const otherTier = await account("Cold B", "B");
  const send = (x: { a: { id: string }; p: { id: string } }, data: { sentAt?: Date | null; repliedAt?: Date | null; status?: "SENT" | "DRAFT" }) =>
    prisma.outreach.create({ data: { eventId: event.id, personId: x.p.id, accountId: x.a.id, message: "Hi", status: data.status ?? "SENT", sentAt: data.sentAt ?? null, repliedAt: data.repliedAt ?? null } });
  await send(draftOnly, { status: "DRAFT" });
  await send(emailed, { sentAt: new Date(Date.now() - 45 * DAY) });
  await send(answered, { sentAt: new Date(Date.now() - 3 * DAY), repliedAt: new Date(Date.now() - 2 * DAY) });
  await prisma.meeting.create({ data: { eventId: event.id, personId: met.p.id, accountId: met.a.id, icsUid: `eng-${event.id}@test`, scheduledAt: new Date(Date.now() + 5 * DAY) } });
  return { event, cookie, cold, draftOnly, emailed, answered, met, won, otherTier };
}

async function names(cookie: string, route: typeof accountsRoute.GET, path: string, query: Record<string, string>) {
  const res = await callRoute(route, path, { cookie, query: { pageSize: "200", sort: "name", dir: "asc", ...query } });
  expect(res.status).toBe(200);
  return (res.json.data.items as { name: string }[]).map((i) => i.name);
}

describe("engagement filters and columns on the lists", () => {
  it("answers 'which tier-A accounts haven't we contacted?' and shows where each account stands", async () => {
    const { cookie } = await fixture();
    expect(await names(cookie, accountsRoute.GET, "/api/accounts", { tier: "A", contacted: "no" })).toEqual(["Cold A", "Draft Only A", "Met A", "Won A"]);
    expect(await names(cookie, accountsRoute.GET, "/api/accounts", { replied: "yes" })).toEqual(["Answered A"]);
    expect(await names(cookie, accountsRoute.GET, "/api/accounts", { meeting: "yes" })).toEqual(["Met A"]);
    expect(await names(cookie, accountsRoute.GET, "/api/accounts", { touched: "7d" })).toEqual(["Answered A", "Met A"]);
    expect(await names(cookie, accountsRoute.GET, "/api/accounts", { touched: "over30d" })).toEqual(["Emailed A"]);
    expect(await names(cookie, accountsRoute.GET, "/api/accounts", { touched: "never", tier: "B" })).toEqual(["Cold B"]);

    const res = await callRoute(accountsRoute.GET, "/api/accounts", { cookie, query: { q: "Answered" } });
    expect(res.json.data.items[0]).toMatchObject({ contacted: true, replied: true, hasMeeting: false });
    expect(new Date(res.json.data.items[0].lastTouchedAt).getTime()).toBeGreaterThan(Date.now() - 4 * DAY);

    // The same filters on people.
    expect(await names(cookie, peopleRoute.GET, "/api/people", { tier: "A", contacted: "no" })).toEqual(["Cold A Contact", "Draft Only A Contact", "Met A Contact", "Won A Contact"]);
  });

  it("each dashboard funnel bar's count is the total of the list it links to", async () => {
    const { event, cookie } = await fixture();
    const metrics = await getEventMetrics(event.id);
    const funnel = Object.fromEntries(metrics.funnel.map((f) => [f.key, f.count]));
    expect(funnel).toMatchObject({ targeted: 7, contacted: 4, engaged: 3, meeting: 2, won: 1 });
    for (const [stage, key] of [["contacted", "contacted"], ["replied", "engaged"], ["meeting", "meeting"], ["won", "won"]] as const) {
      const res = await callRoute(accountsRoute.GET, "/api/accounts", { cookie, query: { stage } });
      expect({ stage, total: res.json.data.total }).toEqual({ stage, total: funnel[key] });
    }
  });

  it("an unknown engagement value is refused with a sentence, not a stack trace", async () => {
    const { cookie } = await fixture();
    const res = await callRoute(accountsRoute.GET, "/api/accounts", { cookie, query: { contacted: "maybe" } });
    expect(res.status).toBe(422);
    expect(res.json.error).toBe("Choose one of: yes, no (contacted).");
    expect(res.json.details).toEqual([{ path: "contacted", message: "Choose one of: yes, no", code: "invalid_value" }]);
  });
});
