import type { Role } from "@/generated/prisma/enums";
import { prisma, type DbTx } from "@/server/db";
import { env, isDemoMode } from "@/server/env";
import { DEMO_TEAM } from "@/lib/demo-team";
import { parseEmailAddress } from "@/server/users/email-address";

/**
 * Who may sign in, in order: a removed teammate never; ADMIN_EMAILS; an invited address;
 * an address in ALLOWED_EMAIL_DOMAINS; an existing teammate; in demo mode the seeded demo
 * team. Anyone else is refused before any email is sent. The address is parsed by the one
 * parser (email-address.ts) and the domain rule reads the parsed domain, so an address that
 * is really several recipients never matches anything.
 */
type SignInGrant = "admin_list" | "invite" | "domain" | "member" | "demo";
export type SignInRefusal = "invalid_email" | "removed" | "not_invited";
export type SignInDecision = { allowed: true; role: Role; grant: SignInGrant; email: string; domain: string } | { allowed: false; reason: SignInRefusal };

export async function decideSignIn(rawEmail: unknown, db: DbTx = prisma): Promise<SignInDecision> {
  const parsed = parseEmailAddress(rawEmail);
  if (!parsed.ok) return { allowed: false, reason: "invalid_email" };
  const { email, domain } = parsed.value;
  const config = env();
  const [user, invite] = await Promise.all([
    db.user.findUnique({ where: { email }, select: { role: true, disabledAt: true } }),
    db.invite.findUnique({ where: { email }, select: { role: true, status: true } }),
  ]);
  const allow = (role: Role, grant: SignInGrant): SignInDecision => ({ allowed: true, role, grant, email, domain });
  if (user?.disabledAt) return { allowed: false, reason: "removed" };
  if (config.ADMIN_EMAILS.includes(email)) return allow("ADMIN", "admin_list");
  if (invite && invite.status !== "REVOKED") return allow(user?.role ?? invite.role, "invite");
  if (config.ALLOWED_EMAIL_DOMAINS.includes(domain)) return allow(user?.role ?? "REP", "domain");
  if (user) return allow(user.role, "member");
  const demo = DEMO_TEAM.find((member) => member.email === email);
  if (demo && isDemoMode(config)) return allow(demo.role, "demo");
  return { allowed: false, reason: "not_invited" };
}

/** Called when Auth.js creates a user: give the decided role and accept the invite. */
export async function onUserCreated(userId: string, rawEmail: string): Promise<void> {
  const decision = await decideSignIn(rawEmail);
  if (!decision.allowed) return;
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { role: decision.role } }),
    prisma.invite.updateMany({ where: { email: decision.email, status: "PENDING" }, data: { status: "ACCEPTED", acceptedAt: new Date() } }),
  ]);
}

/** ADMIN_EMAILS promote on every sign-in, so adding an address to the variable takes effect. */
export async function onUserSignedIn(userId: string, rawEmail: string): Promise<void> {
  const parsed = parseEmailAddress(rawEmail);
  if (!parsed.ok) return;
  const { email } = parsed.value;
  if (env().ADMIN_EMAILS.includes(email)) {
    await prisma.user.updateMany({ where: { id: userId, role: { not: "ADMIN" } }, data: { role: "ADMIN" } });
  }
  await prisma.invite.updateMany({ where: { email, status: "PENDING" }, data: { status: "ACCEPTED", acceptedAt: new Date() } });
}
