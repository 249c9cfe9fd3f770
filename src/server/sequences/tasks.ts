import { z } from "zod";
import { TZDate } from "@date-fns/tz";
import { recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";

/** LinkedIn and call steps: the rep's to-do list. "Today" ends at midnight in the event's time zone; overdue tasks stay listed. */
export const updateTaskBody = z.strictObject({ status: z.enum(["DONE", "SKIPPED"]) });

export async function listMyTasks(userId: string, eventId: string, now = new Date(), db: DbTx = prisma) {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { timeZone: true } });
  const local = new TZDate(now.getTime(), event?.timeZone ?? "UTC");
  const endOfDay = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, 0, event?.timeZone ?? "UTC");
  const items = await db.sequenceTask.findMany({
    where: { ownerId: userId, status: "PENDING", dueAt: { lt: new Date(endOfDay.getTime()) }, person: { eventId } },
    orderBy: { dueAt: "asc" },
    take: 100,
    select: {
      id: true, channel: true, title: true, body: true, dueAt: true, stepNumber: true,
      person: { select: { id: true, name: true, title: true, linkedin: true, phone: true, account: { select: { name: true } } } },
      enrollment: { select: { sequence: { select: { id: true, name: true } } } },
    },
  });
  return { items, total: items.length };
}

export async function completeTask(id: string, status: "DONE" | "SKIPPED", eventId: string, actor: { id: string }, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const task = await tx.sequenceTask.findFirst({ where: { id, person: { eventId } }, select: { id: true, status: true, title: true, personId: true, person: { select: { accountId: true } } } });
    if (!task) throw new AppError("not_found", "Task not found");
    if (task.status !== "PENDING") throw new AppError("conflict", `This task is already ${task.status.toLowerCase()}`);
    await tx.sequenceTask.update({ where: { id }, data: { status, completedAt: now } });
    await recordActivity({
      type: status === "DONE" ? "sequence.task_done" : "sequence.task_skipped", description: `${status === "DONE" ? "Done" : "Skipped"}: ${task.title}`,
      actorId: actor.id, eventId, personId: task.personId, accountId: task.person.accountId, entityType: "sequence_task", entityId: id,
    }, tx);
    return { id, status };
  });
}
