import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { decideSignIn } from "@/server/users/access";
import { getUserBySessionToken } from "@/server/users/session";
import * as teamRoute from "@/app/api/team/route";
import * as invitesRoute from "@/app/api/team/invites/route";
import * as memberRoute from "@/app/api/team/[id]/route";
import { callRoute } from "../helpers/request";
import { createSession, createUser, signedInUser } from "../helpers/factories";

const saved = { ...process.env };
afterEach(() => {
  for (const key of ["ADMIN_EMAILS", "ALLOWED_EMAIL_DOMAINS", "DEMO_MODE"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe("who may sign in", () => {
  it("refuses an unknown address", async () => {
    process.env.DEMO_MODE = "false";
    expect(await decideSignIn("stranger@nowhere.test")).toEqual({ allowed: false, reason: "not_invited" });
  });

  it("lets ADMIN_EMAILS in as admins and ALLOWED_EMAIL_DOMAINS in as reps", async () => {
    process.env.DEMO_MODE = "false";
    process.env.ADMIN_EMAILS = "Boss@Vendor.test";
    process.env.ALLOWED_EMAIL_DOMAINS = "vendor.test, other.test";
    expect(await decideSignIn("boss@vendor.test")).toMatchObject({ allowed: true, role: "ADMIN" });
    expect(await decideSignIn("rep@other.test")).toMatchObject({ allowed: true, role: "REP" });
    expect(await decideSignIn("rep@elsewhere.test")).toMatchObject({ allowed: false });
  });

  it("lets the demo team in only in demo mode", async () => {
    process.env.DEMO_MODE = "true";
    expect(await decideSignIn("admin@eventops.dev")).toMatchObject({ allowed: true, role: "ADMIN" });
    process.env.DEMO_MODE = "false";
    expect(await decideSignIn("admin@eventops.dev")).toMatchObject({ allowed: false });
  });

  it("refuses a removed teammate even when their domain is allowed", async () => {
    process.env.ALLOWED_EMAIL_DOMAINS = "example.test";
    const user = await createUser({ disabledAt: new Date() });
    expect(await decideSignIn(user.email)).toEqual({ allowed: false, reason: "removed" });
  });
});

describe("team management", () => {
  it("an admin invites a teammate, who may then sign in with the invited role", async () => {
    process.env.DEMO_MODE = "false";
    const { cookie } = await signedInUser("ADMIN");
    const res = await callRoute(invitesRoute.POST, "/api/team/invites", { method: "POST", cookie, body: { email: " New.Rep@Vendor.test ", role: "ADMIN" } });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ email: "new.rep@vendor.test", role: "ADMIN", status: "PENDING" });
    expect(await decideSignIn("new.rep@vendor.test")).toMatchObject({ allowed: true, role: "ADMIN" });
    const activity = await prisma.activity.findFirst({ where: { type: "team.invited", entityId: res.json.data.id } });
    expect(activity?.description).toContain("new.rep@vendor.test");
  });

  it("rejects a bad invite with 422 and field details, writing nothing", async () => {
    const { cookie } = await signedInUser("ADMIN");
    const before = await prisma.invite.count();
    const res = await callRoute(invitesRoute.POST, "/api/team/invites", { method: "POST", cookie, body: { email: "not-an-email", role: "OWNER" } });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe("validation_error");
    expect(res.json.details.map((d: { path: string }) => d.path).sort()).toEqual(["email", "role"]);
    expect(await prisma.invite.count()).toBe(before);
  });

  it("a rep cannot invite (403)", async () => {
    const { cookie } = await signedInUser("REP");
    const res = await callRoute(invitesRoute.POST, "/api/team/invites", { method: "POST", cookie, body: { email: "x@vendor.test" } });
    expect(res.status).toBe(403);
  });

  it("removing a teammate ends their sessions at once", async () => {
    const { cookie } = await signedInUser("ADMIN");
    const rep = await createUser({ role: "REP" });
    const session = await createSession(rep.id);
    expect(await getUserBySessionToken(session.sessionToken)).not.toBeNull();

    const res = await callRoute(memberRoute.DELETE, `/api/team/${rep.id}`, { method: "DELETE", cookie, params: { id: rep.id } });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ removed: true, sessionsEnded: 1 });
    expect(await getUserBySessionToken(session.sessionToken)).toBeNull();
    const teamRes = await callRoute(teamRoute.GET, "/api/team", { cookie: session.cookie });
    expect(teamRes.status).toBe(401);
  });

  it("changes a role and keeps at least one admin", async () => {
    await prisma.user.updateMany({ where: { role: "ADMIN" }, data: { role: "REP" } });
    const { user: admin, cookie } = await signedInUser("ADMIN");
    const rep = await createUser({ role: "REP" });
    const promote = await callRoute(memberRoute.PATCH, `/api/team/${rep.id}`, { method: "PATCH", cookie, params: { id: rep.id }, body: { role: "ADMIN" } });
    expect(promote.status).toBe(200);
    expect(promote.json.data.role).toBe("ADMIN");
    // Demoting the other admin leaves `admin` as the only one; removing yourself is refused.
    await callRoute(memberRoute.PATCH, `/api/team/${rep.id}`, { method: "PATCH", cookie, params: { id: rep.id }, body: { role: "REP" } });
    const self = await callRoute(memberRoute.DELETE, `/api/team/${admin.id}`, { method: "DELETE", cookie, params: { id: admin.id } });
    expect(self.status).toBe(409);
  });

  it("answers 404 for an unknown teammate", async () => {
    const { cookie } = await signedInUser("ADMIN");
    const res = await callRoute(memberRoute.PATCH, "/api/team/nope", { method: "PATCH", cookie, params: { id: "nope" }, body: { role: "REP" } });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ success: false, code: "not_found" });
  });
});
