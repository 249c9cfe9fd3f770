import type { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";

/**
 * Engagement rates: every rate is over messages actually sent (sentAt set). Opens and clicks
 * count only human engagement — openedAt/clickedAt are set by non-machine events only — and a
 * message counts once however often it was opened.
 */
export type OutreachRates = {
  total: number;
  sent: number;
  queued: number;
  drafts: number;
  opened: number;
  clicked: number;
  replied: number;
  bounced: number;
  openRate: number;
  clickRate: number;
  replyRate: number;
  bounceRate: number;
};

export async function outreachRates(where: Prisma.OutreachWhereInput, db: DbTx = prisma): Promise<OutreachRates> {
  const sentWhere = { AND: [where, { sentAt: { not: null } }] };
  const [total, sent, queued, drafts, opened, clicked, replied, bounced] = await Promise.all([
    db.outreach.count({ where }),
    db.outreach.count({ where: sentWhere }),
    db.outreach.count({ where: { AND: [where, { status: "QUEUED" }] } }),
    db.outreach.count({ where: { AND: [where, { status: "DRAFT" }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { openedAt: { not: null } }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { clickedAt: { not: null } }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { repliedAt: { not: null } }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { bouncedAt: { not: null } }] } }),
  ]);
  const rate = (n: number) => (sent === 0 ? 0 : Math.round((n / sent) * 1000) / 10);
  return {
    total, sent, queued, drafts, opened, clicked, replied, bounced,
    openRate: rate(opened), clickRate: rate(clicked), replyRate: rate(replied), bounceRate: rate(bounced),
  };
}
