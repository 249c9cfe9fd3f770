import { updatePrivacySettings } from "@/server/privacy/settings";
import { randomBytes, randomUUID } from "node:crypto";
import { prisma } from "@/server/db";
import type { Role } from "@/generated/prisma/enums";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createUser(overrides: { email?: string; name?: string; role?: Role; disabledAt?: Date } = {}) {
  const id = unique();
  return prisma.user.create({
    data: {
      email: overrides.email ?? `user-${id}@example.test`,
      name: overrides.name ?? `Test User ${id}`,
      role: overrides.role ?? "REP",
      emailVerified: new Date(),
      disabledAt: overrides.disabledAt,
    },
  });
}

/** A real database session, as Auth.js would create after the magic link: returns the cookie. */
export async function createSession(userId: string, expires = new Date(Date.now() + 86_400_000)) {
  const sessionToken = randomBytes(24).toString("hex");
  await prisma.session.create({ data: { sessionToken, userId, expires } });
  return { sessionToken, cookie: `authjs.session-token=${sessionToken}` };
}

/** A user with a session; `eventId` makes that event their current one (what the switcher stores). */
export async function signedInUser(role: Role = "REP", options: { eventId?: string } = {}) {
  const user = await createUser({ role });
  if (options.eventId) await prisma.user.update({ where: { id: user.id }, data: { lastEventId: options.eventId } });
  const { cookie } = await createSession(user.id);
  return { user, cookie };
}

export async function createEvent(overrides: { name?: string; slug?: string; timeZone?: string } = {}) {
  const id = unique();
  return prisma.event.create({
    data: {
      name: overrides.name ?? `Test Event ${id}`,
      slug: overrides.slug ?? `test-event-${id}-${randomUUID().slice(0, 6)}`,
      startDate: new Date("2026-03-10"),
      endDate: new Date("2026-03-12"),
      city: "Las Vegas",
      timeZone: overrides.timeZone ?? "America/Los_Angeles",
    },
  });
}

/** The actor a request of this user would carry, on the given event (else their current one). */
export async function actorFor(user: { id: string }, eventId?: string) {
  const { resolveActor } = await import("@/server/access/actor");
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, name: true, image: true, role: true, lastEventId: true } });
  return resolveActor(row, eventId);
}

/**
 * The sending organisation's name and postal address: real mail (SMTP, SendGrid) is refused until
 * an admin sets them (the commercial footer, docs/PRIVACY.md). Tests that send over a real
 * transport set them first.
 */
export async function setSenderIdentity() {
  const admin = await createUser({ role: "ADMIN" });
  await updatePrivacySettings({ organizationName: "Yardline Test Inc.", postalAddress: "100 Main Street\nChicago, IL 60601, USA", retentionMonths: null }, admin);
}
