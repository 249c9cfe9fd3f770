import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { callRoute } from "../helpers/request";
import { ROUTE_RULES, type Access } from "../helpers/route-rules";
import { createEvent, signedInUser } from "../helpers/factories";
import { listRouteFiles, loadRoute, urlFor, type Verb } from "../helpers/route-files";

/**
 * Authorization matrix: every API route file × verb × {anonymous, rep, admin}, generated from
 * the route files and ROUTE_RULES, so a new route is covered the moment it gets its rule.
 *
 * Calls use placeholder ids and a probe body with an unknown field: a caller who passes the
 * access check is refused later (404/422/400), so the matrix changes no data, yet a 401/403
 * there would mean the access rule is wrong. The cross-event section pins the data-scoping rule
 * documented in docs/SECURITY.md.
 */

type Caller = "anonymous" | "rep" | "admin";
const PROBE_BODY = { __authzProbe: true };

function expectation(access: Access, caller: Caller): "unauthorized" | "forbidden" | "allowed" | "denied" {
  switch (access) {
    case "public":
    case "auth":
      return "allowed";
    case "cron":
      return "unauthorized"; // only the Bearer CRON_SECRET opens it, never a session
    case "webhook":
      return "denied"; // signature or secret missing: 401/403/404, never a 2xx
    case "user":
      return caller === "anonymous" ? "unauthorized" : "allowed";
    case "admin":
      return caller === "anonymous" ? "unauthorized" : caller === "rep" ? "forbidden" : "allowed";
  }
}

async function cookieFor(caller: Caller) {
  if (caller === "anonymous") return undefined;
  // A fresh user per call keeps the per-user rate limit out of the picture.
  return (await signedInUser(caller === "admin" ? "ADMIN" : "REP")).cookie;
}

const files = listRouteFiles();
const rows = files.flatMap((file) =>
  Object.entries(ROUTE_RULES[file] ?? {}).map(([verb, access]) => ({ file, verb: verb as Verb, access: access as Access })),
);

describe("authorization matrix", () => {
  it("covers every route file", () => {
    expect(rows.length).toBeGreaterThan(50);
    expect(files.filter((f) => !ROUTE_RULES[f])).toEqual([]);
  });

  for (const { file, verb, access } of rows) {
    if (access === "auth") continue; // Auth.js owns these; the e2e sign-in covers them
    for (const caller of ["anonymous", "rep", "admin"] as const) {
      const expected = expectation(access, caller);
      it(`${verb} /api/${file.replace(/\/?route\.ts$/, "")} as ${caller} → ${expected}`, async () => {
        const handler = (await loadRoute(file))[verb];
        expect(handler, `${verb} is exported`).toBeTypeOf("function");
        const { url, params } = urlFor(file);
        const res = await callRoute(handler!, url, {
          method: verb,
          params,
          cookie: await cookieFor(caller),
          body: verb === "GET" || verb === "DELETE" ? undefined : PROBE_BODY,
        });
        if (expected === "unauthorized") {
          expect(res.status).toBe(401);
          expect(res.json).toMatchObject({ success: false, code: "unauthorized" });
        } else if (expected === "forbidden") {
          expect(res.status).toBe(403);
          expect(res.json).toMatchObject({ success: false, code: "forbidden" });
        } else if (expected === "denied") {
          expect([401, 403, 404]).toContain(res.status);
        } else {
          expect([401, 403], `${res.status} ${res.text.slice(0, 200)}`).not.toContain(res.status);
          expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
        }
      });
    }
  }
});

describe("cross-event data scoping", () => {
  async function twoEvents() {
    const [a, b] = await Promise.all([createEvent(), createEvent()]);
    const [accountA, accountB] = await Promise.all([
      prisma.targetAccount.create({ data: { eventId: a.id, name: `Scope A ${a.id}`, normalizedName: `scope a ${a.id}` } }),
      prisma.targetAccount.create({ data: { eventId: b.id, name: `Scope B ${b.id}`, normalizedName: `scope b ${b.id}` } }),
    ]);
    const rep = await signedInUser("REP");
    await prisma.user.update({ where: { id: rep.user.id }, data: { lastEventId: a.id } });
    return { a, b, accountA, accountB, cookie: rep.cookie };
  }

  it("lists only the caller's current event by default, and another event only when asked", async () => {
    const { b, accountA, accountB, cookie } = await twoEvents();
    const { GET } = await import("@/app/api/accounts/route");
    const mine = await callRoute(GET, "/api/accounts", { cookie, query: { pageSize: "200" } });
    expect(mine.status).toBe(200);
    const ids = (mine.json.data.items as { id: string }[]).map((i) => i.id);
    expect(ids).toContain(accountA.id);
    expect(ids).not.toContain(accountB.id);

    const other = await callRoute(GET, "/api/accounts", { cookie, query: { eventId: b.id } });
    expect(other.status).toBe(200);
    expect((other.json.data.items as { id: string }[]).map((i) => i.id)).toEqual([accountB.id]);

    const unknown = await callRoute(GET, "/api/accounts", { cookie, query: { eventId: "no-such-event" } });
    expect(unknown.status).toBe(404);
  });

  it("a record id from another event opens its record (one workspace: events are not tenants)", async () => {
    const { accountB, cookie } = await twoEvents();
    const { GET } = await import("@/app/api/accounts/[id]/route");
    const res = await callRoute(GET, `/api/accounts/${accountB.id}`, { cookie, params: { id: accountB.id } });
    expect(res.status).toBe(200);
    expect(res.json.data.account).toMatchObject({ id: accountB.id, eventId: accountB.eventId });
  });

  it("an account id from another event cannot be linked into the caller's event", async () => {
    const { a, accountA, accountB, cookie } = await twoEvents();
    const { POST } = await import("@/app/api/people/route");
    const before = await prisma.person.count({ where: { eventId: a.id } });
    const res = await callRoute(POST, "/api/people", { method: "POST", cookie, body: { firstName: "Cross", accountId: accountB.id } });
    expect(res.status).toBe(422);
    expect(res.json.details).toEqual([expect.objectContaining({ path: "accountId" })]);
    expect(await prisma.person.count({ where: { eventId: a.id } })).toBe(before);

    const person = await prisma.person.create({ data: { eventId: a.id, accountId: accountA.id, firstName: "Scoped", lastName: "Person", name: "Scoped Person" } });
    const { PATCH } = await import("@/app/api/people/[id]/route");
    const moved = await callRoute(PATCH, `/api/people/${person.id}`, { method: "PATCH", cookie, params: { id: person.id }, body: { accountId: accountB.id } });
    expect(moved.status).toBe(422);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).accountId).toBe(accountA.id);
  });

  it("outreach is scoped to the caller's current event: another event's message is not found", async () => {
    const { b, accountB, cookie } = await twoEvents();
    const person = await prisma.person.create({ data: { eventId: b.id, accountId: accountB.id, firstName: "Other", lastName: "Event", name: "Other Event", email: `other-${b.id}@example.test` } });
    const message = await prisma.outreach.create({ data: { eventId: b.id, personId: person.id, accountId: accountB.id, message: "Secret draft", subject: "Hi" } });
    const { GET, PATCH } = await import("@/app/api/outreach/[id]/route");
    const read = await callRoute(GET, `/api/outreach/${message.id}`, { cookie, params: { id: message.id } });
    expect(read.status).toBe(404);
    expect(read.text).not.toContain("Secret draft");
    const edit = await callRoute(PATCH, `/api/outreach/${message.id}`, { method: "PATCH", cookie, params: { id: message.id }, body: { message: "Changed" } });
    expect(edit.status).toBe(404);
    expect((await prisma.outreach.findUniqueOrThrow({ where: { id: message.id } })).message).toBe("Secret draft");
  });
});
