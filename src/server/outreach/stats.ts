import type { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";
import { rate } from "@/lib/rates";

/**
 * Engagement rates, counted by the dashboard's rules (src/server/dashboard/stats.ts) so the two
 * pages never disagree: every rate is over messages actually sent (sentAt set, not a draft);
 * "opened" means a human read it — opened, clicked or replied (a click or a reply proves the
 * read even when the pixel was blocked); machine opens never set openedAt/clickedAt; a message
 * counts once however often it was opened. Rates are fractions of sent (0.1234 = 12.34 %), as
 * everywhere in the API.
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
  const sentWhere: Prisma.OutreachWhereInput = { AND: [where, { sentAt: { not: null } }, { status: { not: "DRAFT" } }] };
  const [total, sent, queued, drafts, opened, clicked, replied, bounced] = await Promise.all([
    db.outreach.count({ where }),
    db.outreach.count({ where: sentWhere }),
    db.outreach.count({ where: { AND: [where, { status: "QUEUED" }] } }),
    db.outreach.count({ where: { AND: [where, { status: "DRAFT" }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { OR: [{ openedAt: { not: null } }, { clickedAt: { not: null } }, { repliedAt: { not: null } }] }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { clickedAt: { not: null } }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { repliedAt: { not: null } }] } }),
    db.outreach.count({ where: { AND: [sentWhere, { bouncedAt: { not: null } }] } }),
  ]);
  return {
    total, sent, queued, drafts, opened, clicked, replied, bounced,
    openRate: rate(opened, sent), clickRate: rate(clicked, sent), replyRate: rate(replied, sent), bounceRate: rate(bounced, sent),
  };
}
