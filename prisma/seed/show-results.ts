/**
 * The show P&L's inputs for the demo: what each show cost and the opportunities that came out
 * of it, written after the main seed (deterministic for a seed: the same world every time).
 * Manifest 2025 has had time to close deals; Manifest 2026 is mostly open pipeline, so the
 * "Was the show worth it?" report has a real comparison to make.
 */
import type { PrismaClient } from "../../src/generated/prisma/client";
import { DAY_MS } from "./context";
import { Rng } from "./random";
import type { Dataset } from "./types";

const COSTS: Record<"main" | "past", [category: "BOOTH_SPACE" | "BUILD" | "TRAVEL" | "SPONSORSHIP" | "OTHER", amount: number, description: string][]> = {
  main: [
    ["BOOTH_SPACE", 42_000, "20×20 island booth, hall B"],
    ["BUILD", 18_500, "Booth build, shipping and drayage"],
    ["TRAVEL", 23_400, "Flights and hotel for four"],
    ["SPONSORSHIP", 15_000, "Yard-tech breakfast sponsor"],
    ["OTHER", 4_200, "Badge scanners and swag"],
  ],
  past: [
    ["BOOTH_SPACE", 38_000, "10×30 inline booth"],
    ["BUILD", 16_000, "Booth build and shipping"],
    ["TRAVEL", 19_800, "Flights and hotel for three"],
    ["SPONSORSHIP", 10_000, "Lanyard sponsor"],
    ["OTHER", 3_200, "Swag"],
  ],
};

const LOST_REASONS = ["Chose a competitor", "No budget this year", "Built it in-house", "Project put on hold"];
const WON_REASONS = ["Pilot at two sites proved the detention savings", "Booth demo with the VP of operations", "Best integration with their WMS"];

export async function seedShowResults(prisma: PrismaClient, data: Dataset, now: Date, seed: number): Promise<{ costs: number; opportunities: number }> {
  const rng = new Rng(seed).fork("show-results");
  const [main, past] = data.events;
  const costs = [...COSTS.main.map((c) => ({ eventId: main.id, c })), ...COSTS.past.map((c) => ({ eventId: past.id, c }))];
  await prisma.eventCost.createMany({
    data: costs.map(({ eventId, c }, i) => ({ eventId, category: c[0], amount: c[1], description: c[2], createdAt: new Date(now.getTime() - (60 - i) * DAY_MS) })),
  });
  const rows: { id: string; stage: string; amount: number; opened: Date; expected: Date; closed: Date | null; reason: string | null; status: string }[] = [];
  for (const account of data.accounts) {
    const isPast = account.eventId === past.id;
    const chance = account.status === "WON" || account.status === "LOST" ? 1 : account.status === "MEETING_SCHEDULED" ? 0.7 : account.status === "ENGAGED" ? (isPast ? 0.5 : 0.25) : 0;
    if (!rng.chance(chance)) continue;
    const stage = account.status === "WON" ? "WON"
      : account.status === "LOST" ? "LOST"
        : isPast ? (rng.chance(0.5) ? "WON" : "LOST")
          : rng.chance(0.5) ? "QUALIFIED" : rng.chance(0.6) ? "PROPOSAL" : "NEGOTIATION";
    const opened = new Date(Math.min(now.getTime() - DAY_MS, account.createdAt.getTime() + rng.int(20, 80) * DAY_MS));
    const closed = stage === "WON" || stage === "LOST";
    rows.push({
      id: account.id,
      stage,
      amount: rng.int(5, 50) * 5_000,
      opened,
      expected: new Date(opened.getTime() + rng.int(45, 120) * DAY_MS),
      closed: closed ? new Date(Math.min(now.getTime(), opened.getTime() + rng.int(20, 60) * DAY_MS)) : null,
      reason: stage === "WON" ? rng.pick(WON_REASONS) : stage === "LOST" ? rng.pick(LOST_REASONS) : null,
      status: closed ? stage : account.status,
    });
  }
  // One statement for all of them (the large seed has thousands of accounts).
  await prisma.$executeRaw`
    UPDATE target_accounts AS t SET "opportunityStage" = v.stage::"OpportunityStage", "opportunityAmount" = v.amount, "opportunityOpenedAt" = v.opened,
      "expectedCloseDate" = v.expected::date, "closedAt" = v.closed, "closeReason" = v.reason, status = v.status::"AccountStatus"
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.stage)}::text[], ${rows.map((r) => r.amount)}::int[], ${rows.map((r) => r.opened)}::timestamp[],
      ${rows.map((r) => r.expected)}::timestamp[], ${rows.map((r) => r.closed)}::timestamp[], ${rows.map((r) => r.reason)}::text[], ${rows.map((r) => r.status)}::text[])
      AS v(id, stage, amount, opened, expected, closed, reason, status)
    WHERE t.id = v.id`;
  const opportunities = rows.length;
  return { costs: costs.length, opportunities };
}
