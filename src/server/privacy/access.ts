/**
 * Access on request (GDPR art. 15): everything EventOps holds that names one person — the
 * person record (in every event, by the same address), their messages with bodies and email
 * events, meetings, booth captures, sequence enrolments and tasks, talking points, activities,
 * the do-not-email entry and the copies in the outbox — as JSON and as a readable HTML page.
 * Producing it is logged as an activity (without the data itself).
 */
import { personalSelect } from "@/lib/fields/define";
import { PERSON } from "@/lib/fields/person";
import { z } from "zod";
import { prisma } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { recordActivity } from "@/server/activity/service";
import { actorName, eventScopeField, isAdmin, type Actor } from "@/server/access/actor";
import { notFoundIn } from "@/server/access/scope";

export const personalDataQuery = z.strictObject({ ...eventScopeField, format: z.enum(["json", "html"]).default("html") });

type PersonalDataReport = Awaited<ReturnType<typeof collectPersonalData>>;

async function collectPersonalData(actor: Actor, personId: string) {
  if (!isAdmin(actor)) throw new AppError("forbidden", "Only an admin can produce a person's data report");
  // A trashed person's data is still held, so the report covers them too: only the event is checked.
  const asked = await prisma.person.findUnique({ where: { id: personId }, select: { id: true, eventId: true, email: true } });
  if (!asked || asked.eventId !== actor.eventId) throw notFoundIn(actor, "person");
  const people = await prisma.person.findMany({
    where: asked.email ? { email: { equals: asked.email, mode: "insensitive" } } : { id: asked.id },
    orderBy: { createdAt: "asc" },
    select: {
      // Every field the registry marks personal (src/lib/fields/person.ts).
      id: true, ...personalSelect(PERSON.fields),
      event: { select: { name: true } },
      account: { select: { name: true } },
      assignedTo: { select: { name: true, email: true } },
    },
  });
  const ids = people.map((p) => p.id);
  const emails = [...new Set(people.flatMap((p) => (p.email ? [p.email.toLowerCase()] : [])))];
  const [outreach, meetings, captures, enrollments, tasks, insights, suppressions, outbox, inbound] = await Promise.all([
    prisma.outreach.findMany({
      where: { personId: { in: ids } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true, channel: true, status: true, subject: true, message: true, toEmail: true, createdAt: true, sentAt: true, openedAt: true, clickedAt: true,
        repliedAt: true, bouncedAt: true, unsubscribedAt: true, owner: { select: { name: true } },
        events: { orderBy: { occurredAt: "asc" }, select: { type: true, occurredAt: true, url: true, ip: true, userAgent: true, metadata: true } },
      },
    }),
    prisma.meeting.findMany({
      where: { personId: { in: ids } },
      orderBy: { scheduledAt: "asc" },
      select: { id: true, title: true, scheduledAt: true, durationMinutes: true, locationType: true, location: true, status: true, agenda: true, outcome: true, nextStep: true, bookedVia: true, owner: { select: { name: true } } },
    }),
    prisma.leadCapture.findMany({
      where: { personId: { in: ids } },
      orderBy: { capturedAt: "asc" },
      select: { id: true, capturedAt: true, rating: true, note: true, tags: true, source: true, cardImageType: true, capturedBy: { select: { name: true } } },
    }),
    prisma.sequenceEnrollment.findMany({ where: { personId: { in: ids } }, select: { id: true, status: true, enrolledAt: true, stoppedAt: true, stopReason: true, sequence: { select: { name: true } } } }),
    prisma.sequenceTask.findMany({ where: { personId: { in: ids } }, select: { id: true, channel: true, title: true, body: true, status: true, dueAt: true } }),
    prisma.insight.findMany({ where: { personId: { in: ids } }, select: { id: true, category: true, content: true, citation: true, createdAt: true } }),
    emails.length ? prisma.suppression.findMany({ where: { email: { in: emails, mode: "insensitive" } }, select: { email: true, reason: true, createdAt: true } }) : [],
    prisma.outboxMessage.findMany({
      where: { OR: [{ outreach: { personId: { in: ids } } }, ...(emails.length ? [{ toEmail: { in: emails, mode: "insensitive" as const } }] : [])] },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, toEmail: true, subject: true, text: true, createdAt: true },
    }),
    // Their replies, out-of-office notes and bounces (issue 14), and mail from their address that matched nothing.
    prisma.inboundMessage.findMany({
      where: { OR: [{ personId: { in: ids } }, { outreach: { personId: { in: ids } } }, ...(emails.length ? [{ fromEmail: { in: emails, mode: "insensitive" as const } }] : [])] },
      orderBy: { receivedAt: "asc" },
      select: { id: true, kind: true, fromEmail: true, fromName: true, subject: true, text: true, receivedAt: true },
    }),
  ]);
  const linked = [...ids, ...outreach.map((o) => o.id), ...meetings.map((m) => m.id), ...captures.map((c) => c.id)];
  const activities = await prisma.activity.findMany({
    where: { OR: [{ personId: { in: ids } }, { entityId: { in: linked } }] },
    orderBy: { createdAt: "asc" },
    select: { type: true, description: true, createdAt: true, actor: { select: { name: true } } },
  });
  const report = {
    generatedAt: new Date().toISOString(),
    controller: "The organisation named in the EventOps privacy settings",
    people: people.map((p) => ({ ...p, event: p.event.name, account: p.account?.name ?? null, assignedTo: p.assignedTo?.name ?? p.assignedTo?.email ?? null })),
    messages: outreach.map((o) => ({ ...o, owner: o.owner?.name ?? null })),
    meetings: meetings.map((m) => ({ ...m, owner: m.owner?.name ?? null })),
    boothCaptures: captures.map((c) => ({ ...c, cardPhoto: c.cardImageType ? "a business-card photo is stored" : null, capturedBy: c.capturedBy?.name ?? null })),
    sequenceEnrollments: enrollments.map((e) => ({ ...e, sequence: e.sequence.name })),
    tasks,
    talkingPoints: insights,
    doNotEmail: suppressions,
    sentCopies: outbox,
    mailReceived: inbound,
    activities: activities.map((a) => ({ ...a, actor: a.actor?.name ?? null })),
  };
  await recordActivity({
    type: "privacy.access_report",
    description: `${actorName(actor)} produced a personal data report for a person`,
    actorId: actor.id,
    eventId: asked.eventId,
    personId: asked.id,
    entityType: "person",
    entityId: asked.id,
    metadata: { records: people.length + outreach.length + meetings.length + captures.length + inbound.length + activities.length },
  });
  return report;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function cell(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (value instanceof Date) return escapeHtml(`${value.toISOString().replace("T", " ").slice(0, 16)} UTC`);
  if (Array.isArray(value) && value.every((v) => typeof v !== "object")) return escapeHtml(value.join(", ") || "—");
  if (typeof value === "object") return `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;
  return escapeHtml(String(value)).replace(/\n/g, "<br>");
}

function section(title: string, rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return `<h2>${escapeHtml(title)}</h2><p>None.</p>`;
  const body = rows
    .map((row) => `<table>${Object.entries(row).map(([key, value]) => `<tr><th>${escapeHtml(key)}</th><td>${cell(value)}</td></tr>`).join("")}</table>`)
    .join("\n");
  return `<h2>${escapeHtml(title)} (${rows.length})</h2>\n${body}`;
}

/** The same report as a page a person can read (and print to PDF from the browser). */
function personalDataHtml(report: PersonalDataReport): string {
  const name = report.people[0]?.name ?? "a person";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Personal data held about ${escapeHtml(name)}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;max-width:860px;margin:2em auto;padding:0 1em;color:#111}h1{font-size:22px}h2{font-size:17px;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.75em 0}th{text-align:left;width:12em;color:#555;font-weight:500;vertical-align:top}th,td{padding:3px 6px;border-bottom:1px solid #f0f0f0}pre{white-space:pre-wrap;margin:0;font-size:12px}</style></head>
<body><h1>Personal data held about ${escapeHtml(name)}</h1>
<p>Produced ${cell(new Date(report.generatedAt))}. Times are in UTC. This is everything EventOps stores that names this person.</p>
${section("Person records", report.people)}
${section("Messages", report.messages.map(({ events, ...m }) => ({ ...m, events })))}
${section("Meetings", report.meetings)}
${section("Booth captures", report.boothCaptures)}
${section("Sequence enrolments", report.sequenceEnrollments)}
${section("Tasks", report.tasks)}
${section("Talking points", report.talkingPoints)}
${section("Do-not-email list", report.doNotEmail)}
${section("Copies of sent email", report.sentCopies)}
${section("Mail received from them", report.mailReceived)}
${section("Activity log", report.activities)}
</body></html>`;
}

/** The report as a file to download (JSON) or a page to read and print (HTML). */
export async function personalDataResponse(actor: Actor, personId: string, format: "json" | "html"): Promise<Response> {
  const report = await collectPersonalData(actor, personId);
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (format === "html") return new Response(personalDataHtml(report), { headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
  return new Response(JSON.stringify(report, null, 2), {
    headers: { ...headers, "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="personal-data-${personId}.json"` },
  });
}
