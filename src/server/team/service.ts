import { z } from "zod";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { recordActivity } from "@/server/activity/service";
import type { TeamActor } from "@/server/access/actor";
import { sendMail } from "@/server/email/transport";
import { appUrl } from "@/server/env";
import { logger } from "@/server/logger";
import { escapeHtml } from "@/lib/escape-html";
import { signInEmailSchema } from "@/server/users/email-address";

export const roleSchema = z.enum(["ADMIN", "REP"]);
export const inviteBody = z.strictObject({
  // The sign-in parser: an invite is for exactly the address that will sign in.
  email: signInEmailSchema,
  role: roleSchema.default("REP"),
});
export const updateMemberBody = z.strictObject({ role: roleSchema });

/** Active teammates for an "assigned rep" picker, by name (no event involved: the team is global). */
export async function listAssignableTeammates(db: DbTx = prisma) {
  return db.user.findMany({ where: { disabledAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}

export async function listTeam() {
  const [members, invites] = await Promise.all([
    prisma.user.findMany({
      where: { disabledAt: null },
      orderBy: [{ role: "asc" }, { name: "asc" }],
      select: { id: true, name: true, email: true, image: true, role: true, title: true, createdAt: true },
    }),
    prisma.invite.findMany({
      where: { status: "PENDING" },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, createdAt: true, invitedBy: { select: { name: true, email: true } } },
    }),
  ]);
  return { members, invites };
}

/**
 * Invites a teammate: the invite is written (with its activity) first, then an email with the
 * sign-in link goes out. A mail that cannot be sent does not undo the invite (the address may
 * sign in anyway); the answer says whether the email went, so the admin can pass the link on.
 */
export async function inviteTeammate(input: z.infer<typeof inviteBody>, actor: TeamActor) {
  const invite = await writeInvite(input, actor);
  const emailed = await sendInviteEmail(input.email, input.role, actor);
  return { ...invite, emailSent: emailed.sent, signInUrl: emailed.url };
}

async function sendInviteEmail(email: string, role: "ADMIN" | "REP", inviter: TeamActor): Promise<{ sent: boolean; url: string }> {
  const url = `${appUrl()}/login?email=${encodeURIComponent(email)}`;
  const who = inviter.name ?? inviter.email;
  const text = `${who} invited you to EventOps as ${role === "ADMIN" ? "an admin" : "a rep"}.\n\nSign in with this address (${email}) here:\n${url}\n\nWe will email you a one-time sign-in link; no password needed.\n`;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;background:#f6f7f9;padding:32px">
<table role="presentation" style="max-width:480px;margin:auto;background:#fff;border-radius:12px;padding:32px"><tr><td>
<h1 style="font-size:20px;margin:0 0 16px">You are invited to EventOps</h1>
<p style="color:#444">${escapeHtml(who)} invited you as ${role === "ADMIN" ? "an admin" : "a rep"}. Sign in with <strong>${escapeHtml(email)}</strong>.</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#4f46e5;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">Sign in to EventOps</a></p>
<p style="color:#888;font-size:13px">We will email you a one-time sign-in link; no password needed.</p>
</td></tr></table></body></html>`;
  try {
    await sendMail({ to: email, subject: `${who} invited you to EventOps`, text, html, kind: "invite" });
    return { sent: true, url };
  } catch (error) {
    logger.warn({ error: error instanceof Error ? error.message : "unknown" }, "invitation email could not be sent");
    return { sent: false, url };
  }
}

async function writeInvite(input: z.infer<typeof inviteBody>, actor: TeamActor) {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { disabledAt: true } });
    if (existing && !existing.disabledAt) throw new AppError("conflict", `${input.email} is already on the team`);
    // Re-inviting a removed teammate lets them back in.
    if (existing?.disabledAt) {
      await tx.user.update({ where: { email: input.email }, data: { disabledAt: null, role: input.role } });
    }
    const invite = await tx.invite.upsert({
      where: { email: input.email },
      create: { email: input.email, role: input.role, invitedById: actor.id },
      update: { role: input.role, status: "PENDING", invitedById: actor.id, acceptedAt: null },
      select: { id: true, email: true, role: true, status: true, createdAt: true },
    });
    await recordActivity(
      { type: "team.invited", description: `${actor.name ?? actor.email} invited ${input.email} as ${input.role}`, actorId: actor.id, entityType: "invite", entityId: invite.id },
      tx,
    );
    return invite;
  });
}

export async function revokeInvite(inviteId: string, actor: TeamActor) {
  return prisma.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { id: inviteId } });
    if (!invite || invite.status !== "PENDING") throw new AppError("not_found", "Invite not found");
    await tx.invite.update({ where: { id: inviteId }, data: { status: "REVOKED" } });
    await recordActivity(
      { type: "team.invite_revoked", description: `${actor.name ?? actor.email} revoked the invite for ${invite.email}`, actorId: actor.id, entityType: "invite", entityId: invite.id },
      tx,
    );
    return { id: inviteId, status: "REVOKED" as const };
  });
}

export async function changeRole(userId: string, role: z.infer<typeof roleSchema>, actor: TeamActor) {
  return prisma.$transaction(async (tx) => {
    const member = await tx.user.findFirst({ where: { id: userId, disabledAt: null }, select: { id: true, email: true, role: true } });
    if (!member) throw new AppError("not_found", "Teammate not found");
    if (member.role === "ADMIN" && role !== "ADMIN") await assertAnotherAdmin(tx, member.id);
    const updated = await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, email: true, role: true } });
    await recordActivity(
      { type: "team.role_changed", description: `${actor.name ?? actor.email} changed ${member.email} from ${member.role} to ${role}`, actorId: actor.id, entityType: "user", entityId: member.id, metadata: { from: member.role, to: role } },
      tx,
    );
    return updated;
  });
}

/** Removing a teammate disables the user and deletes their sessions: they are out at once. */
export async function removeTeammate(userId: string, actor: TeamActor) {
  if (userId === actor.id) throw new AppError("conflict", "You cannot remove yourself");
  return prisma.$transaction(async (tx) => {
    const member = await tx.user.findFirst({ where: { id: userId, disabledAt: null }, select: { id: true, email: true, role: true } });
    if (!member) throw new AppError("not_found", "Teammate not found");
    if (member.role === "ADMIN") await assertAnotherAdmin(tx, member.id);
    await tx.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    const sessions = await tx.session.deleteMany({ where: { userId } });
    await tx.invite.updateMany({ where: { email: member.email }, data: { status: "REVOKED" } });
    await recordActivity(
      { type: "team.removed", description: `${actor.name ?? actor.email} removed ${member.email} from the team`, actorId: actor.id, entityType: "user", entityId: member.id, metadata: { sessionsEnded: sessions.count } },
      tx,
    );
    return { id: userId, removed: true, sessionsEnded: sessions.count };
  });
}

async function assertAnotherAdmin(tx: Pick<typeof prisma, "user">, exceptId: string) {
  const others = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, id: { not: exceptId } } });
  if (others === 0) throw new AppError("conflict", "The team needs at least one admin");
}
