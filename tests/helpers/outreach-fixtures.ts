import { randomUUID } from "node:crypto";
import { prisma } from "@/server/db";
import { createEvent, createUser } from "./factories";

let n = 0;
const uid = () => `${Date.now().toString(36)}${(n++).toString(36)}${randomUUID().slice(0, 4)}`;

/** An event, a rep and a person with a real-looking (test) address, ready for outreach. */
export async function outreachSetup(options: { personTimeZone?: string | null; eventTimeZone?: string; source?: string; cap?: number } = {}) {
  const event = await createEvent({ timeZone: options.eventTimeZone ?? "America/Chicago" });
  const rep = await createUser({ role: "REP", name: "Maya Test" });
  if (options.cap !== undefined) await prisma.user.update({ where: { id: rep.id }, data: { dailySendCap: options.cap } });
  const account = await prisma.targetAccount.create({
    data: { eventId: event.id, name: `Acme ${uid()}`, normalizedName: `acme ${uid()}`, domain: `acme-${uid()}.test`, industry: "3PL" },
  });
  await prisma.companyDossier.create({ data: { accountId: account.id, summary: "A 3PL", painPoints: ["Trailers wait hours at the gate"] } });
  const person = await createPerson(event.id, account.id, options);
  return { event, rep, account, person };
}

export async function createPerson(eventId: string, accountId: string | null, options: { personTimeZone?: string | null; source?: string } = {}) {
  const id = uid();
  return prisma.person.create({
    data: {
      eventId, accountId, firstName: "Dana", lastName: `Whit${id}`, name: `Dana Whit${id}`, title: "VP Operations",
      email: `dana.${id}@acme.test`, timeZone: options.personTimeZone === undefined ? "America/New_York" : options.personTimeZone,
      source: options.source ?? "import",
    },
  });
}

export async function createDraft(input: { eventId: string; personId: string; ownerId: string; message?: string; subject?: string; accountId?: string | null; campaignId?: string | null }) {
  return prisma.outreach.create({
    data: {
      eventId: input.eventId, personId: input.personId, ownerId: input.ownerId, accountId: input.accountId ?? null, campaignId: input.campaignId ?? null, channel: "EMAIL",
      subject: input.subject ?? "20 minutes at the show?",
      message: input.message ?? "Hi Dana,\n\nSee how it works: https://vendor.example/demo?utm=mail. And our case study at https://vendor.example/case.\n\nMaya",
      status: "DRAFT",
    },
  });
}
