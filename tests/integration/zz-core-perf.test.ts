import { it } from "vitest";
import { prisma } from "@/server/db";
import { listAccounts, listAccountsQuery } from "@/server/accounts/service";
import { listPeople, listPeopleQuery } from "@/server/people/service";
import { scoreEvent } from "@/server/scoring/service";
import { createEvent, signedInUser } from "../helpers/factories";

it("measures (not a test)", async () => {
  const { user } = await signedInUser("ADMIN");
  const event = await createEvent();
  const industries = ["Retail", "Third-Party Logistics", "Manufacturing", "Food & Beverage", null];
  const accounts = await prisma.targetAccount.createManyAndReturn({
    data: Array.from({ length: 5000 }, (_, i) => ({ eventId: event.id, name: `Perf Company ${i} ${["Freight", "Foods", "Retail", "Steel"][i % 4]}`, normalizedName: `perf ${i}`, domain: `perf${i}.test`, industry: industries[i % 5], employeeCount: (i * 37) % 30000, facilityCount: i % 60, tier: (["A", "B", "C", "D"] as const)[i % 4], icpScore: i % 101 })),
    select: { id: true },
  });
  const people = accounts.flatMap((a, i) => Array.from({ length: 5 }, (_, j) => ({ eventId: event.id, accountId: a.id, firstName: `F${i}`, lastName: `L${j}`, name: `F${i} L${j}`, title: ["VP Operations", "Yard Manager", "Buyer", "CEO", "Analyst"][j], isOps: j === 1, isExecOps: j === 0, email: `p${i}.${j}@perf.test` })));
  await prisma.person.createMany({ data: people });
  const u = { ...user, lastEventId: event.id };
  const time = async (label: string, fn: () => Promise<unknown>) => {
    await fn();
    const t = performance.now();
    for (let k = 0; k < 5; k++) await fn();
    console.log(`${label}: ${((performance.now() - t) / 5).toFixed(1)} ms`);
  };
  await time("accounts default page", () => listAccounts(listAccountsQuery.parse({ eventId: event.id }), u));
  await time("accounts sort by people", () => listAccounts(listAccountsQuery.parse({ eventId: event.id, sort: "people" }), u));
  await time("accounts search 'freight' + tier A,B", () => listAccounts(listAccountsQuery.parse({ eventId: event.id, q: "freight", tier: "A,B" }), u));
  await time("people default page", () => listPeople(listPeopleQuery.parse({ eventId: event.id }), u));
  await time("people persona + search", () => listPeople(listPeopleQuery.parse({ eventId: event.id, persona: "isExecOps", q: "F12" }), u));
  const t = performance.now();
  const r = await scoreEvent(event.id, u);
  console.log(`scoreEvent 5000 accounts + 25000 people: ${(performance.now() - t).toFixed(0)} ms`, r);
  const plan = await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ANALYZE SELECT id FROM target_accounts WHERE "eventId" = '${event.id}' AND (name ILIKE '%freight%' OR domain ILIKE '%freight%') LIMIT 50`);
  console.log(plan.map((p) => p["QUERY PLAN"]).join("\n"));
}, 600_000);
