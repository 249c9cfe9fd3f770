import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { prisma, type DbTx } from "@/server/db";
import { appUrl, env } from "@/server/env";
import { logger } from "@/server/logger";
import { sendMail } from "@/server/email/transport";
import { escapeHtml } from "@/lib/escape-html";
import { formatInZone } from "@/lib/time";

/**
 * Notifications: the one way any domain tells a teammate that something happened to their
 * records. `notify()` writes the in-app row (the bell) in the caller's transaction; the same
 * happening notifies once (dedupe key per user). Email follows each user's preference:
 * OFF (bell only), IMMEDIATE (a mail per run with what arrived since the last one) or DAILY
 * (one digest a day, sent from 08:00 in the user's time zone). `sendDueDigests(now)` does the
 * mailing; it is idempotent and safe to run concurrently (notifications and the day's digest are
 * claimed with conditional updates, and released again if the mail cannot be sent), so a cron
 * that fires twice or overlaps sends nothing twice. Read notifications are never mailed.
 */
const NOTIFICATION_TYPES = {
  reply: "A reply arrived",
  click: "A prospect clicked",
  meeting_booked: "A prospect booked a meeting",
  meeting_cancelled: "A prospect cancelled a meeting",
  lead_captured: "A lead was captured for my account",
  task_due: "A task is due",
  step_failed: "A sequence step failed",
  import_finished: "An import finished",
  export_finished: "An export finished",
} as const;
type NotificationType = keyof typeof NOTIFICATION_TYPES;

export type NotifyInput = {
  /** Who is told; nobody (null) means the record has no owner, and nothing is written. */
  userId: string | null | undefined;
  type: NotificationType;
  title: string;
  body?: string | null;
  /** The record it is about, as an app path ("/dashboard/outreach/…"). */
  href: string;
  eventId?: string | null;
  entityType?: string;
  entityId?: string;
  dedupeKey?: string;
  /** Who caused it: people are not told about what they did themselves. */
  actorId?: string | null;
};

export async function notify(inputs: NotifyInput | NotifyInput[], db: DbTx = prisma): Promise<number> {
  const rows = (Array.isArray(inputs) ? inputs : [inputs]).filter((n): n is NotifyInput & { userId: string } => Boolean(n.userId) && n.userId !== n.actorId);
  if (rows.length === 0) return 0;
  const created = await db.notification.createMany({
    data: rows.map((n) => ({
      userId: n.userId, type: n.type, title: n.title.slice(0, 300), body: n.body?.slice(0, 1000) ?? null, href: n.href,
      eventId: n.eventId ?? null, entityType: n.entityType ?? null, entityId: n.entityId ?? null, dedupeKey: n.dedupeKey ?? null,
    })),
    skipDuplicates: true,
  });
  if (created.count > 0) deliverSoon();
  return created.count;
}

let deliveryTimer: NodeJS.Timeout | null = null;
/**
 * Mail for IMMEDIATE users goes out a moment after the notification (after the caller's
 * transaction has committed); whatever this misses — a crash, a transaction still open — the
 * next scheduled sendDueDigests run sends.
 */
function deliverSoon() {
  if (deliveryTimer || env().NODE_ENV === "test") return;
  deliveryTimer = setTimeout(() => {
    deliveryTimer = null;
    sendImmediate(new Date()).catch((error) => logger.warn({ error: error instanceof Error ? error.message : "unknown" }, "immediate notification mail failed; the next run retries"));
  }, 1500);
  deliveryTimer.unref();
}

export const listNotificationsQuery = z.strictObject({
  unread: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export async function listNotifications(userId: string, query: z.infer<typeof listNotificationsQuery>) {
  const [items, unread] = await Promise.all([
    prisma.notification.findMany({
      where: { userId, ...(query.unread === "true" ? { readAt: null } : {}) },
      orderBy: { createdAt: "desc" },
      take: query.limit,
      select: { id: true, type: true, title: true, body: true, href: true, readAt: true, createdAt: true },
    }),
    prisma.notification.count({ where: { userId, readAt: null } }),
  ]);
  return { items, unread };
}

export const markReadBody = z.union([
  z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(100) }),
  z.strictObject({ all: z.literal(true) }),
], { error: "Send the ids to mark read, or all: true" });

/** Marks the user's own notifications read (someone else's ids change nothing). */
export async function markNotificationsRead(userId: string, body: z.infer<typeof markReadBody>, now = new Date()) {
  const changed = await prisma.notification.updateMany({
    where: { userId, readAt: null, ...("ids" in body ? { id: { in: body.ids } } : {}) },
    data: { readAt: now },
  });
  const unread = await prisma.notification.count({ where: { userId, readAt: null } });
  return { marked: changed.count, unread };
}

type Claimed = { id: string; userId: string; title: string; body: string | null; href: string; createdAt: Date };
type Recipient = { id: string; email: string; name: string | null; timeZone: string | null; lastDigestAt: Date | null };

const DIGEST_HOUR = 8;

/** Tasks that came due become notifications for their owner (once per task). */
async function notifyDueTasks(now: Date, db: DbTx = prisma): Promise<number> {
  const due = await db.sequenceTask.findMany({
    where: { status: "PENDING", dueAt: { lte: now }, ownerId: { not: null } },
    select: { id: true, title: true, ownerId: true, personId: true, dueAt: true, enrollment: { select: { sequence: { select: { eventId: true } } } } },
    take: 1000,
  });
  return notify(due.map((t) => ({
    userId: t.ownerId, type: "task_due" as const, title: `Task due: ${t.title}`, href: `/dashboard/people/${t.personId}`,
    eventId: t.enrollment.sequence.eventId, entityType: "task", entityId: t.id, dedupeKey: `task_due:${t.id}`,
  })), db);
}

/** One cron run: due tasks become notifications, then the immediate mails and the daily digests go out. */
export async function sendDueDigests(now: Date) {
  const tasks = await notifyDueTasks(now);
  const immediate = await sendImmediate(now);
  const daily = await sendDaily(now);
  return { taskNotifications: tasks, immediateMails: immediate, dailyDigests: daily };
}

async function sendImmediate(now: Date): Promise<number> {
  const claimed = await prisma.$queryRaw<Claimed[]>`
    UPDATE notifications n SET "emailedAt" = ${now}
    FROM users u
    WHERE n."userId" = u.id AND u."notificationDigest" = 'IMMEDIATE' AND u."disabledAt" IS NULL
      AND n."emailedAt" IS NULL AND n."readAt" IS NULL
    RETURNING n.id, n."userId", n.title, n.body, n.href, n."createdAt"`;
  let mails = 0;
  for (const [userId, items] of groupByUser(claimed)) {
    const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, timeZone: true, lastDigestAt: true } });
    if (!user) continue;
    if (await mail(user, items, "immediate")) mails += 1;
    else await release(items.map((i) => i.id));
  }
  return mails;
}

async function sendDaily(now: Date): Promise<number> {
  const users = await prisma.user.findMany({
    where: { notificationDigest: "DAILY", disabledAt: null, notifications: { some: { emailedAt: null, readAt: null } } },
    select: { id: true, email: true, name: true, timeZone: true, lastDigestAt: true },
  });
  let mails = 0;
  for (const user of users) {
    const local = new TZDate(now, validZone(user.timeZone));
    if (local.getHours() < DIGEST_HOUR) continue;
    const startOfDay = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), 0, 0, 0, validZone(user.timeZone));
    // Claim today's digest: only one run can move lastDigestAt past the start of the user's day.
    const claimedDay = await prisma.user.updateMany({
      where: { id: user.id, OR: [{ lastDigestAt: null }, { lastDigestAt: { lt: new Date(startOfDay.getTime()) } }] },
      data: { lastDigestAt: now },
    });
    if (claimedDay.count === 0) continue;
    const items = await prisma.$queryRaw<Claimed[]>`
      UPDATE notifications SET "emailedAt" = ${now}
      WHERE "userId" = ${user.id} AND "emailedAt" IS NULL AND "readAt" IS NULL
      RETURNING id, "userId", title, body, href, "createdAt"`;
    if (items.length === 0) continue;
    if (await mail(user, items, "daily")) mails += 1;
    else {
      await release(items.map((i) => i.id));
      await prisma.user.updateMany({ where: { id: user.id, lastDigestAt: now }, data: { lastDigestAt: user.lastDigestAt } });
    }
  }
  return mails;
}

function validZone(zone: string | null): string {
  if (!zone) return "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}

function groupByUser(rows: Claimed[]): Map<string, Claimed[]> {
  const map = new Map<string, Claimed[]>();
  for (const row of rows) map.set(row.userId, [...(map.get(row.userId) ?? []), row]);
  return map;
}

async function release(ids: string[]) {
  await prisma.notification.updateMany({ where: { id: { in: ids } }, data: { emailedAt: null } });
}

async function mail(user: Recipient, items: Claimed[], kind: "immediate" | "daily"): Promise<boolean> {
  const sorted = items.slice().sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const base = appUrl();
  const zone = validZone(user.timeZone);
  const when = (d: Date) => formatInZone(d, zone);
  const subject = kind === "daily"
    ? `Your EventOps digest: ${sorted.length} notification${sorted.length === 1 ? "" : "s"}`
    : sorted.length === 1 ? sorted[0].title : `${sorted.length} new notifications in EventOps`;
  const text = [
    kind === "daily" ? "What happened since your last digest:" : "New in EventOps:",
    "",
    ...sorted.flatMap((n) => [`• ${n.title} — ${when(n.createdAt)}`, ...(n.body ? [`  ${n.body}`] : []), `  ${base}${n.href}`, ""]),
    `Change how you are notified: ${base}/dashboard/settings/me`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#222">
<p>${kind === "daily" ? "What happened since your last digest:" : "New in EventOps:"}</p><ul>
${sorted.map((n) => `<li style="margin-bottom:10px"><a href="${escapeHtml(base + n.href)}">${escapeHtml(n.title)}</a> <span style="color:#777">${escapeHtml(when(n.createdAt))}</span>${n.body ? `<br><span style="color:#555">${escapeHtml(n.body)}</span>` : ""}</li>`).join("\n")}
</ul><p style="color:#777;font-size:13px"><a href="${escapeHtml(base)}/dashboard/settings/me">Change how you are notified</a></p></body></html>`;
  try {
    await sendMail({ to: user.email, subject, text, html, kind: `notification-${kind}` });
    return true;
  } catch (error) {
    logger.warn({ userId: user.id, error: error instanceof Error ? error.message : "unknown" }, "notification mail failed; will retry on the next run");
    return false;
  }
}

