import type { Actor } from "@/server/access/actor";
import { assertCan, ownedBy } from "@/server/access/permissions";
import { recordActivity } from "@/server/activity/service";
import { prisma } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { getOutreachOrThrow, wakeEnrollment } from "@/server/outreach/service";
import { sendOutreach, type SendOutcome } from "@/server/outreach/send";

/** The rep's "Send" button: checks the actor may send it (the permission matrix), then the send service decides. */
export async function sendMessageNow(id: string, actor: Actor, now = new Date()): Promise<{ result: SendOutcome; outreach: Awaited<ReturnType<typeof getOutreachOrThrow>> }> {
  const current = await getOutreachOrThrow(id, actor);
  assertCan(actor, "outreach", "send", ownedBy(current.owner));
  if (current.person.deletedAt) throw new AppError("conflict", `${current.person.name} is in the Trash: restore them before sending`);
  const result = await sendOutreach(id, { now, actor });
  return { result, outreach: await getOutreachOrThrow(id, actor) };
}

/**
 * "Resend" on a message whose send was interrupted: the rep checked the outbox and it did not
 * go out. It goes back in the queue (due now) and is sent through the one send path — so the
 * sending window, the cap and the do-not-email list still apply.
 */
export async function resendInterrupted(id: string, actor: Actor, now = new Date()) {
  const current = await getOutreachOrThrow(id, actor);
  assertCan(actor, "outreach", "send", ownedBy(current.owner));
  await prisma.$transaction(async (tx) => {
    const requeued = await tx.outreach.updateMany({ where: { id, status: "INTERRUPTED" }, data: { status: "QUEUED", scheduledAt: now, queuedAt: now, failureReason: null } });
    if (requeued.count === 0) throw new AppError("conflict", current.status === "INTERRUPTED" ? "The message changed meanwhile; reload and try again" : "Only a message whose send was interrupted can be resent");
    await recordActivity({ type: "outreach.resend_requested", description: `Resending the interrupted message to ${current.person.name}`, actorId: actor.id, eventId: actor.eventId, personId: current.person.id, entityType: "outreach", entityId: id }, tx);
    await wakeEnrollment(current.enrollmentId, tx);
  });
  const result = await sendOutreach(id, { now, actor });
  return { result, outreach: await getOutreachOrThrow(id, actor) };
}
