import type { Actor } from "@/server/access/actor";
import { assertCanEdit, getOutreachOrThrow } from "@/server/outreach/service";
import { sendOutreach, type SendOutcome } from "@/server/outreach/send";

/** The rep's "Send" button: checks the message is theirs, then the send service decides. */
export async function sendMessageNow(id: string, actor: Actor, now = new Date()): Promise<{ result: SendOutcome; outreach: Awaited<ReturnType<typeof getOutreachOrThrow>> }> {
  const current = await getOutreachOrThrow(id, actor);
  assertCanEdit(current, actor);
  const result = await sendOutreach(id, { now, actor });
  return { result, outreach: await getOutreachOrThrow(id, actor) };
}
