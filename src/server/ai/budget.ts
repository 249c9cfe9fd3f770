import { RATE_LIMITS, rateLimitedError, reserveUnits } from "@/server/http/rate-limit";

/**
 * The AI limit: each user may start RATE_LIMITS.ai.points units of expensive outside work a
 * minute, one unit per model call or website crawl (a draft written by the model, an account
 * researched, a score reviewed by the model). A request reserves everything it will start before
 * it starts any of it, all or nothing: 50 AI drafts take 50 units, and a request that does not
 * fit is refused with what is left, using nothing. Background jobs reserve one unit per item and
 * wait for the next minute when the limit is used up (jobs/background.ts). Work that calls no model (the built-in
 * engine) costs nothing.
 */
export async function reserveAiUnits(actor: { id: string }, units: number, work: string): Promise<void> {
  if (units <= 0) return;
  const rule = RATE_LIMITS.ai;
  const result = await reserveUnits(rule, `user:${actor.id}`, units);
  if (result.allowed) return;
  const perMinute = `${rule.points} AI calls or website visits a minute`;
  const message =
    units > rule.points
      ? `${work} needs ${units} AI calls or website visits, and each person can start ${perMinute}. Pick ${rule.points} or fewer.`
      : `${work} needs ${units} AI calls or website visits, but only ${result.remaining} of your ${perMinute} are left. Try again in ${result.retryAfterSeconds} seconds, or pick fewer.`;
  throw rateLimitedError(message, result.retryAfterSeconds, { needed: units, remaining: result.remaining, perMinute: rule.points });
}
