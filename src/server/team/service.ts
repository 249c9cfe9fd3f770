import { z } from "zod";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { recordActivity } from "@/server/activity/service";
import type { TeamActor } from "@/server/access/actor";

export const roleSchema = z.enum(["ADMIN", "REP"]);
export const inviteBody = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address").max(254)),
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

export async function inviteTeammate(input: z.infer<typeof inviteBody>, actor: TeamActor) {
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
