import { decideSignIn, type SignInRefusal } from "@/server/users/access";
import { logRefusal, refusalSentence } from "@/server/users/sign-in-gate";

/**
 * Google sign-in: Google must have verified the address (`email_verified`), the address goes
 * through the same allow-list as a magic link, and when the address is let in only because
 * its domain is in ALLOWED_EMAIL_DOMAINS, the Google account must be managed by that domain
 * (`hd`): a personal Google account that merely carries a company address is not enough.
 */
export type GoogleProfileClaims = { email?: unknown; email_verified?: unknown; hd?: unknown } | undefined;
type GoogleRefusal = SignInRefusal | "unverified_google" | "google_domain";
export type GoogleDecision = { allowed: true } | { allowed: false; reason: GoogleRefusal };

export async function decideGoogleSignIn(profile: GoogleProfileClaims, ip: string): Promise<GoogleDecision> {
  const email = typeof profile?.email === "string" ? profile.email : "";
  const refuse = async (reason: GoogleRefusal): Promise<GoogleDecision> => {
    await logRefusal(email || null, reason, ip, refusalSentence(email || "an unknown address", reason));
    return { allowed: false, reason };
  };
  if (profile?.email_verified !== true) return refuse("unverified_google");
  const decision = await decideSignIn(email);
  if (!decision.allowed) return refuse(decision.reason);
  if (decision.grant === "domain" && profile.hd !== decision.domain) return refuse("google_domain");
  return { allowed: true };
}
