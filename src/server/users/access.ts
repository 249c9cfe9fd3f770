import type { Role } from "@/generated/prisma/enums";
import { prisma, type DbTx } from "@/server/db";
import { env, isDemoMode } from "@/server/env";
import { DEMO_TEAM } from "@/lib/demo-team";

/**
 * Who may sign in, in order: a removed teammate never; ADMIN_EMAILS; an invited address;
 * an address in ALLOWED_EMAIL_DOMAINS; an existing teammate; in demo mode the seeded demo
 * team. Anyone else is refused before any email is sent.
 */
export type SignInDecision = { allowed: true; role: Role } | { allowed: false; reason: "removed" | "not_invited" };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function decideSignIn(rawEmail: string, db: DbTx = prisma): Promise<SignInDecision> {
  const email = normalizeEmail(rawEmail);
  const config = env();
  const [user, invite] = await Promise.all([
    db.user.findUnique({ where: { email }, select: { role: true, disabledAt: true } }),
    db.invite.findUnique({ where: { email }, select: { role: true, status: true } }),
  ]);
  if (user?.disabledAt) return { allowed: false, reason: "removed" };
  if (config.ADMIN_EMAILS.includes(email)) return { allowed: true, role: "ADMIN" };
  if (invite && invite.status !== "REVOKED") return { allowed: true, role: user?.role ?? invite.role };
  const domain = email.split("@")[1] ?? "";
  if (config.ALLOWED_EMAIL_DOMAINS.includes(domain)) return { allowed: true, role: user?.role ?? "REP" };
  if (user) return { allowed: true, role: user.role };
  const demo = DEMO_TEAM.find((member) => member.email === email);
  if (demo && isDemoMode(config)) return { allowed: true, role: demo.role };
  return { allowed: false, reason: "not_invited" };
}

/** Called when Auth.js creates a user: give the decided role and accept the invite. */
export async function onUserCreated(userId: string, rawEmail: string): Promise<void> {
  const email = normalizeEmail(rawEmail);
  const decision = await decideSignIn(email);
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { role: decision.allowed ? decision.role : "REP" } }),
    prisma.invite.updateMany({ where: { email, status: "PENDING" }, data: { status: "ACCEPTED", acceptedAt: new Date() } }),
  ]);
}

/** ADMIN_EMAILS promote on every sign-in, so adding an address to the variable takes effect. */
export async function onUserSignedIn(userId: string, rawEmail: string): Promise<void> {
  const email = normalizeEmail(rawEmail);
  if (env().ADMIN_EMAILS.includes(email)) {
    await prisma.user.updateMany({ where: { id: userId, role: { not: "ADMIN" } }, data: { role: "ADMIN" } });
  }
  await prisma.invite.updateMany({ where: { email, status: "PENDING" }, data: { status: "ACCEPTED", acceptedAt: new Date() } });
}
