import { prisma } from "@/server/db";

export async function listOutbox(limit = 50) {
  return prisma.outboxMessage.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, kind: true, toEmail: true, fromEmail: true, subject: true, text: true, createdAt: true },
  });
}
