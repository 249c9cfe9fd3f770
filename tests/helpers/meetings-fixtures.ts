import { randomUUID } from "node:crypto";
import { prisma } from "@/server/db";
import type { AccountStatus, Role } from "@/generated/prisma/enums";
import { createEvent, signedInUser } from "./factories";

/** An event with one account and person, and a signed-in teammate working in that event. */
export async function meetingWorld(options: { role?: Role; accountStatus?: AccountStatus; timeZone?: string } = {}) {
  const event = await prisma.event.create({
    data: {
      name: `Meet Event ${randomUUID().slice(0, 6)}`,
      slug: `meet-${randomUUID()}`,
      startDate: new Date("2026-12-14"),
      endDate: new Date("2026-12-16"),
      timeZone: options.timeZone ?? "America/Los_Angeles",
      boothNumber: "1427",
      venue: "Venetian Expo",
      city: "Las Vegas",
    },
  });
  const { user, cookie } = await signedInUser(options.role ?? "REP");
  await prisma.user.update({ where: { id: user.id }, data: { lastEventId: event.id } });
  const account = await createAccount(event.id, { status: options.accountStatus });
  const person = await createPerson(event.id, account.id);
  return { event, user: { ...user, lastEventId: event.id }, cookie, account, person };
}

export async function createAccount(eventId: string, over: { name?: string; domain?: string | null; status?: AccountStatus } = {}) {
  const tag = randomUUID().slice(0, 8);
  const name = over.name ?? `Harmon Logistics ${tag}`;
  return prisma.targetAccount.create({
    data: {
      eventId,
      name,
      normalizedName: name.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim(),
      domain: over.domain === undefined ? `harmon-${tag}.test` : over.domain,
      status: over.status ?? "PROSPECTING",
    },
  });
}

export async function createPerson(eventId: string, accountId: string | null, over: { email?: string | null; name?: string } = {}) {
  const tag = randomUUID().slice(0, 8);
  const name = over.name ?? `Dana Whitfield ${tag}`;
  return prisma.person.create({
    data: {
      eventId,
      accountId,
      firstName: name.split(" ")[0]!,
      lastName: name.split(" ").slice(1).join(" "),
      name,
      email: over.email === undefined ? `dana-${tag}@example.test` : over.email,
    },
  });
}

export async function enroll(personId: string, eventId: string, accountId: string | null, status: "ACTIVE" | "PAUSED" = "ACTIVE") {
  const sequence = await prisma.sequence.create({ data: { eventId, name: `Pre-show ${randomUUID().slice(0, 4)}`, status: "ACTIVE" } });
  return prisma.sequenceEnrollment.create({ data: { sequenceId: sequence.id, personId, accountId, status, nextStepAt: new Date() } });
}

export { createEvent };
