import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as presenceRoute from "@/app/api/presence/route";
import * as importRoute from "@/app/api/import/route";
import * as previewRoute from "@/app/api/import/preview/route";
import * as personRoute from "@/app/api/people/[id]/route";
import { callRoute } from "../helpers/request";
import { createEvent, signedInUser } from "../helpers/factories";

/**
 * Issue 13 item 8: values that become links (a presence path other teammates click, a person's
 * LinkedIn URL) are validated before they are stored, so a `javascript:` URL or another site
 * never reaches an href.
 */
async function setup() {
  const event = await createEvent();
  const { user, cookie } = await signedInUser("REP");
  await prisma.user.update({ where: { id: user.id }, data: { lastEventId: event.id } });
  return { event, user, cookie };
}

describe("presence paths", () => {
  it("must be a page of the app; anything else is refused and not stored", async () => {
    const { user, cookie } = await setup();
    for (const path of ["//evil.test/dashboard", "/\\evil.test", "javascript:alert(1)", "https://evil.test/dashboard", "/dashboard/../../login", "/login"]) {
      const res = await callRoute(presenceRoute.POST, "/api/presence", { method: "POST", cookie, body: { path } });
      expect(res.status, path).toBe(422);
      expect(res.json.details).toEqual([expect.objectContaining({ path: "path", message: "Send the path of a page under /dashboard" })]);
    }
    expect(await prisma.presence.count({ where: { userId: user.id } })).toBe(0);
    const ok = await callRoute(presenceRoute.POST, "/api/presence", { method: "POST", cookie, body: { path: "/dashboard/accounts" } });
    expect(ok.status).toBe(200);
  });
});

describe("LinkedIn URLs", () => {
  it("an import keeps only linkedin.com addresses and says what it left out", async () => {
    const { event, cookie } = await setup();
    const t = randomUUID().slice(0, 8);
    const csv = [
      "Company name,First Name,Last Name,Email,LinkedIn URL",
      `Acme ${t},Dana,Lee,dana@acme-${t}.test,javascript:alert(document.cookie)`,
      `Acme ${t},Sam,Ortiz,sam@acme-${t}.test,https://evil.test/in/sam`,
      `Acme ${t},Kim,Park,kim@acme-${t}.test,linkedin.com/in/kim-park`,
    ].join("\n");
    const preview = await callRoute(previewRoute.POST, "/api/import/preview", { method: "POST", cookie, body: { csv } });
    expect(preview.json.data.rows.map((r: { warnings: string[] }) => r.warnings)).toEqual([
      ['LinkedIn "javascript:alert(document.cookie)" is not a linkedin.com address; left empty'],
      ['LinkedIn "https://evil.test/in/sam" is not a linkedin.com address; left empty'],
      [],
    ]);
    const res = await callRoute(importRoute.POST, "/api/import", { method: "POST", cookie, body: { csv, mode: "upsert" } });
    expect(res.status).toBe(201);
    const people = await prisma.person.findMany({ where: { eventId: event.id }, select: { firstName: true, linkedin: true }, orderBy: { firstName: "asc" } });
    expect(people).toEqual([
      { firstName: "Dana", linkedin: null },
      { firstName: "Kim", linkedin: "https://linkedin.com/in/kim-park" },
      { firstName: "Sam", linkedin: null },
    ]);
  });

  it("the people API refuses anything but a linkedin.com address (422, unchanged)", async () => {
    const { event, cookie } = await setup();
    const person = await prisma.person.create({ data: { eventId: event.id, firstName: "Dana", lastName: "Lee", name: "Dana Lee", linkedin: null } });
    for (const linkedin of ["javascript:alert(1)", "https://evil.test/in/dana", "https://www.linkedin.com.evil.test/in/dana", "data:text/html,x"]) {
      const res = await callRoute(personRoute.PATCH, `/api/people/${person.id}`, { method: "PATCH", cookie, params: { id: person.id }, body: { linkedin } });
      expect(res.status, linkedin).toBe(422);
      expect(res.json.details[0]).toMatchObject({ path: "linkedin", message: "Enter a linkedin.com profile address, like https://www.linkedin.com/in/name" });
    }
    expect((await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).linkedin).toBeNull();
    const ok = await callRoute(personRoute.PATCH, `/api/people/${person.id}`, { method: "PATCH", cookie, params: { id: person.id }, body: { linkedin: "https://www.linkedin.com/in/dana-lee" } });
    expect(ok.status).toBe(200);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).linkedin).toBe("https://www.linkedin.com/in/dana-lee");
  });
});
