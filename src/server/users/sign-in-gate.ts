import { recordActivity } from "@/server/activity/service";
import { consumeRateLimit, RATE_LIMITS } from "@/server/http/rate-limit";
import { logger } from "@/server/logger";
import { decideSignIn, type SignInRefusal } from "@/server/users/access";
import { parseEmailAddress } from "@/server/users/email-address";

/**
 * Whether a sign-in link is emailed, decided inside Auth.js's signIn callback, i.e. on every
 * path that can send one (the login form, a direct POST to /api/auth/signin/nodemailer):
 * 1. at most RATE_LIMITS.signInPerIp links asked from one client address per window;
 * 2. at most RATE_LIMITS.signInPerAddress per address;
 * 3. the address may sign in (access.ts).
 * The caller answers the same whatever the outcome ("if this address may sign in, a link is
 * on its way"), so the answer never tells a stranger who is on the team. Refusals are written
 * to the activity log, once per address (or client address) per window so a flood cannot
 * fill the log.
 */
export type SignInLinkRefusal = SignInRefusal | "too_many_for_address" | "too_many_from_ip";
export type SignInLinkDecision = { send: true } | { send: false; reason: SignInLinkRefusal };

export async function decideSignInLink(rawEmail: unknown, ip: string): Promise<SignInLinkDecision> {
  const parsed = parseEmailAddress(rawEmail);
  if (!parsed.ok) return { send: false, reason: "invalid_email" };
  const { email } = parsed.value;

  const byIp = await consumeRateLimit(RATE_LIMITS.signInPerIp, ip);
  if (!byIp.allowed) {
    if (byIp.used === RATE_LIMITS.signInPerIp.points + 1) {
      await logRefusal(null, "too_many_from_ip", ip, `Sign-in links paused for ${ip}: more than ${RATE_LIMITS.signInPerIp.points} asked in ${RATE_LIMITS.signInPerIp.windowSeconds / 60} minutes`);
    }
    return { send: false, reason: "too_many_from_ip" };
  }
  const byAddress = await consumeRateLimit(RATE_LIMITS.signInPerAddress, email);
  if (!byAddress.allowed) {
    if (byAddress.used === RATE_LIMITS.signInPerAddress.points + 1) {
      await logRefusal(email, "too_many_for_address", ip, `Sign-in links paused for ${email}: more than ${RATE_LIMITS.signInPerAddress.points} asked in ${RATE_LIMITS.signInPerAddress.windowSeconds / 60} minutes`);
    }
    return { send: false, reason: "too_many_for_address" };
  }
  const decision = await decideSignIn(email);
  if (!decision.allowed) {
    // The per-address window doubles as the "log once" window for refusals.
    if (byAddress.used === 1) await logRefusal(email, decision.reason, ip, refusalSentence(email, decision.reason));
    return { send: false, reason: decision.reason };
  }
  return { send: true };
}

export function refusalSentence(email: string, reason: SignInLinkRefusal | "unverified_google" | "google_domain"): string {
  switch (reason) {
    case "removed":
      return `Sign-in refused for ${email}: their access was removed`;
    case "not_invited":
      return `Sign-in refused for ${email}: not on the team`;
    case "unverified_google":
      return `Google sign-in refused for ${email}: Google has not verified the address`;
    case "google_domain":
      return `Google sign-in refused for ${email}: the Google account is not managed by that domain`;
    default:
      return `Sign-in refused for ${email}`;
  }
}

export async function logRefusal(email: string | null, reason: string, ip: string | null, description: string): Promise<void> {
  logger.info({ reason, ip }, "sign-in refused");
  await recordActivity({ type: "auth.sign_in_refused", description, entityType: "sign_in", entityId: email ?? ip ?? "unknown", metadata: { reason, email, ip } });
}
