import { prisma } from "@/server/db";
import { listRecentActivities } from "@/server/activity/service";

/** Headline counts for the dashboard, aggregated in SQL. */
export async function getEventOverview(eventId: string) {
  const [accounts, people, sent, meetings, recent] = await Promise.all([
    prisma.targetAccount.count({ where: { eventId } }),
    prisma.person.count({ where: { eventId } }),
    prisma.outreach.count({ where: { eventId, sentAt: { not: null } } }),
    prisma.meeting.count({ where: { eventId, status: { not: "CANCELLED" } } }),
    listRecentActivities(eventId, 12),
  ]);
  return { accounts, people, sent, meetings, recent };
}
