import { randomUUID } from "node:crypto";
import { prisma } from "@/server/db";
import { signToken } from "@/server/tracking/tokens";
import { sessionLifetime } from "@/server/users/session-lifetime";
import { createEvent, createSession, createUser } from "./factories";

/**
 * A small team with one of every record, so a fuzzed request by id reaches its handler: two
 * events (the team's current one and another), an admin, a rep and a second rep, and in the
 * current event accounts, people, a dossier, templates, a campaign, outreach (a draft and a
 * sent message with its events), a sequence with steps, an enrollment and a task, a meeting,
 * a report, a saved view, an import, a suppression and an invite. `ids` lists real ids per kind
 * (the other event's records last), `tokens` valid tracking tokens.
 */
export type FuzzFixture = Awaited<ReturnType<typeof seedFuzzFixture>>;

export async function seedFuzzFixture() {
  const event = await createEvent({ name: "Fuzz Expo", timeZone: "America/Chicago" });
  const otherEvent = await createEvent({ name: "Other Expo" });
  const admin = await createUser({ role: "ADMIN", name: "Ada Admin" });
  const rep = await createUser({ role: "REP", name: "Rita Rep" });
  const otherRep = await createUser({ role: "REP", name: "Otto Rep" });
  for (const user of [admin, rep, otherRep]) await prisma.user.update({ where: { id: user.id }, data: { lastEventId: event.id } });
  // Sessions as freshly extended: a request never slides their expiry (session-lifetime.ts), so
  // "no table changed after a refusal" is not tripped by the sessions table.
  const freshExpiry = new Date(Date.now() + sessionLifetime().maxAgeSeconds * 1000);
  const cookies = {
    admin: (await createSession(admin.id, freshExpiry)).cookie,
    rep: (await createSession(rep.id, freshExpiry)).cookie,
  };

  const account = async (eventId: string, name: string, assignedToId: string | null) =>
    prisma.targetAccount.create({ data: { eventId, name, normalizedName: name.toLowerCase(), industry: "3PL", tier: "A", employeeCount: 1200, facilityCount: 8, assignedToId, icpScore: 70 } });
  const repAccount = await account(event.id, "Northwind Logistics", rep.id);
  const otherAccount = await account(event.id, "Contoso Foods", otherRep.id);
  const foreignAccount = await account(otherEvent.id, "Elsewhere Freight", null);

  const person = async (eventId: string, accountId: string | null, first: string, ownerId: string | null) =>
    prisma.person.create({
      data: { eventId, accountId, firstName: first, lastName: "Tester", name: `${first} Tester`, title: "VP Operations", email: `${first.toLowerCase()}.${randomUUID().slice(0, 6)}@fuzz.test`, timeZone: "America/New_York", assignedToId: ownerId },
    });
  const dana = await person(event.id, repAccount.id, "Dana", rep.id);
  const sam = await person(event.id, otherAccount.id, "Sam", otherRep.id);
  const foreignPerson = await person(otherEvent.id, foreignAccount.id, "Fay", null);

  await prisma.companyDossier.create({ data: { accountId: repAccount.id, summary: "A 3PL with eight sites", painPoints: ["Trailers wait at the gate"] } });
  await prisma.insight.create({ data: { accountId: repAccount.id, personId: dana.id, content: "Ask about dwell time", source: "manual" } });

  const template = await prisma.emailTemplate.create({ data: { eventId: event.id, ownerId: rep.id, name: "Intro", subject: "Hi {{person.firstName}}", body: "Hello {{person.firstName|there}}" } });
  const campaign = await prisma.campaign.create({ data: { eventId: event.id, ownerId: rep.id, name: "Pre-show" } });
  const draft = await prisma.outreach.create({
    data: { eventId: event.id, personId: dana.id, accountId: repAccount.id, ownerId: rep.id, campaignId: campaign.id, templateId: template.id, subject: "Yard demo?", message: "Hi Dana, see https://vendor.example/demo", status: "DRAFT" },
  });
  const sent = await prisma.outreach.create({
    data: {
      eventId: event.id, personId: sam.id, accountId: otherAccount.id, ownerId: otherRep.id, subject: "Dock scheduling", message: "Hi Sam", status: "SENT",
      sentAt: new Date(Date.now() - 86_400_000), toEmail: sam.email, messageId: `<${randomUUID()}@fuzz.test>`,
    },
  });
  await prisma.emailEvent.create({ data: { outreachId: sent.id, type: "open", occurredAt: new Date(Date.now() - 3_600_000) } });

  const sequence = await prisma.sequence.create({ data: { eventId: event.id, ownerId: rep.id, name: "Show follow-up", status: "ACTIVE" } });
  const emailStep = await prisma.sequenceStep.create({ data: { sequenceId: sequence.id, order: 1, delayDays: 0, channel: "EMAIL", subject: "Hello", body: "Hi {{person.firstName}}" } });
  const callStep = await prisma.sequenceStep.create({ data: { sequenceId: sequence.id, order: 2, delayDays: 2, channel: "CALL", body: "Call about the demo" } });
  const enrollment = await prisma.sequenceEnrollment.create({
    data: { sequenceId: sequence.id, personId: dana.id, accountId: repAccount.id, ownerId: rep.id, status: "ACTIVE", currentStep: 1, nextStepAt: new Date(Date.now() + 86_400_000) },
  });
  const task = await prisma.sequenceTask.create({
    data: { enrollmentId: enrollment.id, stepId: callStep.id, stepNumber: 2, personId: dana.id, ownerId: rep.id, channel: "CALL", title: "Call Dana", dueAt: new Date() },
  });
  void emailStep;

  const meeting = await prisma.meeting.create({
    data: { eventId: event.id, personId: dana.id, accountId: repAccount.id, ownerId: rep.id, title: "Yard demo", scheduledAt: new Date("2026-03-10T15:00:00Z"), icsUid: `${randomUUID()}@fuzz.test` },
  });
  const report = await prisma.reportDefinition.create({ data: { eventId: event.id, ownerId: rep.id, name: "Pipeline", config: {} } });
  const savedView = await prisma.savedView.create({ data: { userId: admin.id, scope: "accounts", name: "Tier A", query: "tier=A" } });
  const importJob = await prisma.importJob.create({ data: { eventId: event.id, userId: rep.id, entity: "accounts", mode: "upsert", created: 0 } });
  const suppression = await prisma.suppression.create({ data: { email: `gone.${randomUUID().slice(0, 6)}@fuzz.test`, reason: "MANUAL" } });
  const invite = await prisma.invite.create({ data: { email: `new.${randomUUID().slice(0, 6)}@fuzz.test`, invitedById: admin.id } });

  const ids: Record<string, string[]> = {
    event: [event.id, otherEvent.id],
    user: [rep.id, otherRep.id, admin.id],
    account: [repAccount.id, otherAccount.id, foreignAccount.id],
    person: [dana.id, sam.id, foreignPerson.id],
    outreach: [draft.id, sent.id],
    template: [template.id],
    campaign: [campaign.id],
    sequence: [sequence.id],
    enrollment: [enrollment.id],
    task: [task.id],
    meeting: [meeting.id],
    report: [report.id],
    savedView: [savedView.id],
    import: [importJob.id],
    suppression: [suppression.id],
    invite: [invite.id],
  };
  const tokens = {
    open: signToken({ k: "o", id: sent.id }),
    click: signToken({ k: "c", id: draft.id, u: "https://vendor.example/demo" }),
    unsubscribe: signToken({ k: "u", id: sent.id }),
  };
  return { event, otherEvent, users: { admin, rep, otherRep }, cookies, ids, tokens };
}
