import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as listRoute from "@/app/api/notifications/route";
import * as readRoute from "@/app/api/notifications/read/route";
import * as cronRoute from "@/app/api/cron/notifications/route";
import * as meSettingsRoute from "@/app/api/me/settings/route";
import * as invitesRoute from "@/app/api/team/invites/route";
import { applyEmailEvent } from "@/server/tracking/events";
import { notify, sendDueDigests } from "@/server/notifications/service";
import { callRoute } from "../helpers/request";
import { createSession, createUser, signedInUser } from "../helpers/factories";
import { createDraft, outreachSetup } from "../helpers/outreach-fixtures";

async function sentMessage() {
  const s = await outreachSetup();
  const draft = await createDraft({ eventId: s.event.id, personId: s.person.id, ownerId: s.rep.id, accountId: s.account.id, subject: "Yard visit?" });
  await prisma.outreach.update({ where: { id: draft.id }, data: { status: "SENT", sentAt: new Date(Date.now() - 3_600_000) } });
  return { ...s, outreachId: draft.id, cookie: (await createSession(s.rep.id)).cookie };
}

const outboxTo = (email: string) => prisma.outboxMessage.findMany({ where: { toEmail: email }, orderBy: { createdAt: "asc" } });

describe("notifications", () => {
  it("a human click and a reply notify the message's owner once each, linking to the message; the bell lists them and marks them read", async () => {
    const s = await sentMessage();
    const at = new Date();
    await applyEmailEvent({ outreachId: s.outreachId, kind: "click", at, url: "https://vendor.example", userAgent: "Mozilla/5.0 (Macintosh) Safari/605.1.15", ip: "203.0.113.9", source: "link" });
    await applyEmailEvent({ outreachId: s.outreachId, kind: "click", at: new Date(at.getTime() + 60_000), url: "https://vendor.example", userAgent: "Mozilla/5.0 (Macintosh) Safari/605.1.15", ip: "203.0.113.9", source: "link" });
    await applyEmailEvent({ outreachId: s.outreachId, kind: "reply", at: new Date(at.getTime() + 120_000), source: "webhook" });

    const listed = await callRoute(listRoute.GET, "/api/notifications", { cookie: s.cookie });
    expect(listed.status).toBe(200);
    expect(listed.json.data.unread).toBe(2);
    expect(listed.json.data.items.map((n: { title: string }) => n.title)).toEqual([`${s.person.name} replied`, `${s.person.name} clicked a link in your email`]);
    expect(listed.json.data.items.every((n: { href: string }) => n.href === `/dashboard/outreach/${s.outreachId}`)).toBe(true);

    // Someone else's ids change nothing; my own are marked.
    const other = await signedInUser();
    const foreign = await callRoute(readRoute.POST, "/api/notifications/read", { method: "POST", cookie: other.cookie, body: { ids: [listed.json.data.items[0].id] } });
    expect(foreign.json.data.marked).toBe(0);
    const one = await callRoute(readRoute.POST, "/api/notifications/read", { method: "POST", cookie: s.cookie, body: { ids: [listed.json.data.items[0].id] } });
    expect(one.json.data).toEqual({ marked: 1, unread: 1 });
    const all = await callRoute(readRoute.POST, "/api/notifications/read", { method: "POST", cookie: s.cookie, body: { all: true } });
    expect(all.json.data).toEqual({ marked: 1, unread: 0 });
    const bad = await callRoute(readRoute.POST, "/api/notifications/read", { method: "POST", cookie: s.cookie, body: { ids: [] } });
    expect(bad.status).toBe(422);
    expect((await callRoute(listRoute.GET, "/api/notifications", {})).status).toBe(401);
  });

  it("a machine click (mail scanner) notifies nobody", async () => {
    const s = await sentMessage();
    const sentAt = (await prisma.outreach.findUniqueOrThrow({ where: { id: s.outreachId } })).sentAt!;
    await applyEmailEvent({ outreachId: s.outreachId, kind: "click", at: new Date(sentAt.getTime() + 1000), url: "https://vendor.example", userAgent: "Barracuda Sentinel", ip: "203.0.113.9", source: "link" });
    expect(await prisma.notification.count({ where: { userId: s.rep.id } })).toBe(0);
  });

  it("immediate users get one mail per run with what is new; a second run sends nothing; read ones are never mailed", async () => {
    const { user, cookie } = await signedInUser();
    const set = await callRoute(meSettingsRoute.PATCH, "/api/me/settings", { method: "PATCH", cookie, body: { notificationDigest: "IMMEDIATE" } });
    expect(set.status).toBe(200);
    await notify([
      { userId: user.id, type: "task_due", title: "Task due: call Dana", href: "/dashboard/people/p1", dedupeKey: "t1" },
      { userId: user.id, type: "task_due", title: "Task due: call Dana", href: "/dashboard/people/p1", dedupeKey: "t1" },
      { userId: user.id, type: "import_finished", title: "The import of leads.csv finished", href: "/dashboard/accounts/import", dedupeKey: "i1" },
    ]);
    expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(2);
    const read = await prisma.notification.findFirstOrThrow({ where: { userId: user.id, dedupeKey: "i1" } });
    await prisma.notification.update({ where: { id: read.id }, data: { readAt: new Date() } });

    const [first, second] = await Promise.all([sendDueDigests(new Date()), sendDueDigests(new Date())]);
    expect(first.immediateMails + second.immediateMails).toBe(1);
    const mails = await outboxTo(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Task due: call Dana");
    expect(mails[0].text).toContain("/dashboard/people/p1");
    expect(mails[0].text).not.toContain("leads.csv");
    expect((await sendDueDigests(new Date())).immediateMails).toBe(0);
  });

  it("daily digests go once per local day from 08:00 in the user's zone; OFF users get no mail", async () => {
    const daily = await createUser();
    const off = await createUser();
    await prisma.user.update({ where: { id: daily.id }, data: { notificationDigest: "DAILY", timeZone: "Asia/Tokyo" } });
    await prisma.user.update({ where: { id: off.id }, data: { notificationDigest: "OFF" } });
    await notify([
      { userId: daily.id, type: "reply", title: "Kim replied", href: "/dashboard/outreach/o1" },
      { userId: daily.id, type: "click", title: "Lee clicked", href: "/dashboard/outreach/o2" },
      { userId: off.id, type: "reply", title: "Kim replied", href: "/dashboard/outreach/o1" },
    ]);
    // 22:30 UTC is 07:30 in Tokyo: too early.
    expect((await sendDueDigests(new Date("2026-03-09T22:30:00Z"))).dailyDigests).toBe(0);
    // 23:30 UTC is 08:30 in Tokyo: the digest goes, once.
    const runs = await Promise.all([sendDueDigests(new Date("2026-03-09T23:30:00Z")), sendDueDigests(new Date("2026-03-09T23:31:00Z"))]);
    expect(runs[0].dailyDigests + runs[1].dailyDigests).toBe(1);
    const mails = await outboxTo(daily.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Your EventOps digest: 2 notifications");
    expect(mails[0].text).toMatch(/Kim replied — .*GMT\+9/);
    // Something new the same local day waits for tomorrow's digest.
    await notify({ userId: daily.id, type: "reply", title: "Pat replied", href: "/dashboard/outreach/o3" });
    expect((await sendDueDigests(new Date("2026-03-10T05:00:00Z"))).dailyDigests).toBe(0);
    expect((await sendDueDigests(new Date("2026-03-10T23:05:00Z"))).dailyDigests).toBe(1);
    expect(await outboxTo(off.email)).toHaveLength(0);
  });

  it("the cron route needs the secret and turns due tasks into notifications for their owner", async () => {
    process.env.CRON_SECRET = "s3cret-for-tests";
    const s = await outreachSetup();
    const sequence = await prisma.sequence.create({ data: { eventId: s.event.id, name: "Follow-up", status: "ACTIVE", ownerId: s.rep.id } });
    const enrollment = await prisma.sequenceEnrollment.create({ data: { sequenceId: sequence.id, personId: s.person.id, ownerId: s.rep.id } });
    await prisma.sequenceTask.create({ data: { enrollmentId: enrollment.id, stepNumber: 1, personId: s.person.id, ownerId: s.rep.id, channel: "CALL", title: "Call Dana", dueAt: new Date(Date.now() - 60_000) } });
    expect((await callRoute(cronRoute.GET, "/api/cron/notifications", {})).status).toBe(401);
    const run = await callRoute(cronRoute.GET, "/api/cron/notifications", { headers: { authorization: "Bearer s3cret-for-tests" } });
    expect(run.status).toBe(200);
    expect(run.json.data.taskNotifications).toBe(1);
    expect(await prisma.jobRun.findFirst({ where: { task: "notifications.send", workerId: { startsWith: "cron-route:" } }, orderBy: { startedAt: "desc" } })).toMatchObject({ outcome: "ok", summary: run.json.data });
    await callRoute(cronRoute.GET, "/api/cron/notifications", { headers: { authorization: "Bearer s3cret-for-tests" } });
    expect(await prisma.notification.findMany({ where: { userId: s.rep.id }, select: { title: true, href: true } })).toEqual([{ title: "Task due: Call Dana", href: `/dashboard/people/${s.person.id}` }]);
    delete process.env.CRON_SECRET;
  });
});

describe("my settings and invites", () => {
  it("a rep changes their signature, cap, time zone and digest; bad values get field errors and change nothing", async () => {
    const { user, cookie } = await signedInUser();
    const ok = await callRoute(meSettingsRoute.PATCH, "/api/me/settings", { method: "PATCH", cookie, body: { signature: "Maya\nAE", dailySendCap: 80, timeZone: "Europe/Berlin", notificationDigest: "OFF" } });
    expect(ok.status).toBe(200);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { signature: true, dailySendCap: true, timeZone: true, notificationDigest: true } }))
      .toEqual({ signature: "Maya\nAE", dailySendCap: 80, timeZone: "Europe/Berlin", notificationDigest: "OFF" });
    expect(await prisma.activity.count({ where: { actorId: user.id, type: "user.settings_updated" } })).toBe(1);
    const bad = await callRoute(meSettingsRoute.PATCH, "/api/me/settings", { method: "PATCH", cookie, body: { dailySendCap: 0, timeZone: "Mars/Olympus", role: "ADMIN" } });
    expect(bad.status).toBe(422);
    const bad2 = await callRoute(meSettingsRoute.PATCH, "/api/me/settings", { method: "PATCH", cookie, body: { dailySendCap: 0, timeZone: "Mars/Olympus" } });
    expect(bad2.json.details.map((d: { path: string }) => d.path).sort()).toEqual(["dailySendCap", "timeZone"]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).dailySendCap).toBe(80);
  });

  it("an invite emails the sign-in link to the invited address", async () => {
    const { cookie } = await signedInUser("ADMIN");
    const res = await callRoute(invitesRoute.POST, "/api/team/invites", { method: "POST", cookie, body: { email: "New.Rep@Vendor.test", role: "REP" } });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ email: "new.rep@vendor.test", emailSent: true, signInUrl: "http://localhost:3000/login?email=new.rep%40vendor.test" });
    const [mail] = await outboxTo("new.rep@vendor.test");
    expect(mail.subject).toMatch(/invited you to EventOps/);
    expect(mail.text).toContain("http://localhost:3000/login?email=new.rep%40vendor.test");
  });
});
