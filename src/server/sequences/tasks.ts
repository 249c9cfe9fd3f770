import { z } from "zod";
import { TZDate } from "@date-fns/tz";
import { recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import type { Actor } from "@/server/access/actor";
import { inActorEvent } from "@/server/access/scope";
import { assertCan, ownedBy } from "@/server/access/permissions";

/** LinkedIn and call steps: the rep's to-do list. "Today" ends at midnight in the event's time zone; overdue tasks stay listed. */
export const updateTaskBody = z.strictObject({ status: z.enum(["DONE", "SKIPPED"]) });

export async function listMyTasks(actor: Actor, now = new Date(), db: DbTx = prisma) {
  const timeZone = actor.event.timeZone;
  const local = new TZDate(now.getTime(), timeZone);
  const endOfDay = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, 0, timeZone);
  const items = await db.sequenceTask.findMany({
    where: { ownerId: actor.id, status: "PENDING", dueAt: { lt: new Date(endOfDay.getTime()) }, person: { eventId: actor.eventId, deletedAt: null } },
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

export async function completeTask(id: string, status: "DONE" | "SKIPPED", actor: Actor, now = new Date()) {
  const eventId = actor.eventId;
  return prisma.$transaction(async (tx) => {
    const found = await tx.sequenceTask.findUnique({
      where: { id },
      select: { id: true, status: true, title: true, personId: true, owner: { select: { id: true, name: true, email: true } }, person: { select: { accountId: true, eventId: true } } },
    });
    const task = inActorEvent(actor, "task", found && { ...found, eventId: found.person.eventId });
    assertCan(actor, "task", "complete", ownedBy(task.owner));
    if (task.status !== "PENDING") throw new AppError("conflict", `This task is already ${task.status.toLowerCase()}`);
    await tx.sequenceTask.update({ where: { id }, data: { status, completedAt: now } });
    await recordActivity({
      type: status === "DONE" ? "sequence.task_done" : "sequence.task_skipped", description: `${status === "DONE" ? "Done" : "Skipped"}: ${task.title}`,
      actorId: actor.id, eventId, personId: task.personId, accountId: task.person.accountId, entityType: "sequence_task", entityId: id,
    }, tx);
    return { id, status };
  });
}
