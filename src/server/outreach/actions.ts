import type { Actor } from "@/server/access/actor";
import { assertCan, ownedBy } from "@/server/access/permissions";
import { AppError } from "@/server/http/errors";
import { getOutreachOrThrow } from "@/server/outreach/service";
import { sendOutreach, type SendOutcome } from "@/server/outreach/send";

/** The rep's "Send" button: checks the actor may send it (the permission matrix), then the send service decides. */
export async function sendMessageNow(id: string, actor: Actor, now = new Date()): Promise<{ result: SendOutcome; outreach: Awaited<ReturnType<typeof getOutreachOrThrow>> }> {
  const current = await getOutreachOrThrow(id, actor);
  assertCan(actor, "outreach", "send", ownedBy(current.owner));
  if (current.person.deletedAt) throw new AppError("conflict", `${current.person.name} is in the Trash: restore them before sending`);
  const result = await sendOutreach(id, { now, actor });
  return { result, outreach: await getOutreachOrThrow(id, actor) };
}
