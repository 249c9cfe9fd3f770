import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as outreachRoute from "@/app/api/outreach/route";
import * as sendRoute from "@/app/api/outreach/[id]/send/route";
import { sendOutreachMany } from "@/server/outreach/send";
import { callRoute } from "../helpers/request";
import { createSession } from "../helpers/factories";
import { createDraft, outreachSetup } from "../helpers/outreach-fixtures";

// Issue 16 item 1: merge fields typed by a rep used to go out literally ("Hi {{person.firstName|there}}").
async function signedInRep() {
  const setup = await outreachSetup();
  await prisma.user.update({ where: { id: setup.rep.id }, data: { lastEventId: setup.event.id } });
  const { cookie } = await createSession(setup.rep.id);
  return { ...setup, cookie };
}

// The send route uses the real clock: open the sending window around the clock for these tests only.
const WINDOW_KEY = "outreach.sendingWindow";
let previousWindow: { value: unknown } | null = null;
beforeAll(async () => {
  previousWindow = await prisma.setting.findUnique({ where: { key: WINDOW_KEY }, select: { value: true } });
  const always = { days: [0, 1, 2, 3, 4, 5, 6], startHour: 0, endHour: 24 };
  await prisma.setting.upsert({ where: { key: WINDOW_KEY }, create: { key: WINDOW_KEY, value: always }, update: { value: always } });
});
afterAll(async () => {
  if (previousWindow) await prisma.setting.update({ where: { key: WINDOW_KEY }, data: { value: previousWindow.value as object } });
  else await prisma.setting.deleteMany({ where: { key: WINDOW_KEY } });
});

describe("merge fields at send time", () => {
  it("a message written in the composer goes out with its merge fields filled for the recipient, and is recorded that way", async () => {
    const { cookie, person, event, account } = await signedInRep();
    const created = await callRoute(outreachRoute.POST, "/api/outreach", {
      method: "POST", cookie,
      body: { personId: person.id, subject: "{{person.firstName|there}}, coffee at {{event.name}}?", message: "Hi {{person.firstName|there}},\n\nWhy wait? {{dossier.painPoint}}. {{account.name}} could skip that.\n\n{{sender.name}}" },
    });
    expect(created.status).toBe(201);
    const id = created.json.data.id as string;

    const sent = await callRoute(sendRoute.POST, `/api/outreach/${id}/send`, { method: "POST", cookie, params: { id } });
    expect(sent.status).toBe(200);
    expect(sent.json.data.result.outcome).toBe("sent");

    const outbox = await prisma.outboxMessage.findUniqueOrThrow({ where: { outreachId: id } });
    expect(outbox.subject).toBe(`Dana, coffee at ${event.name}?`);
    expect(outbox.text).toContain("Hi Dana,");
    // A pain point spliced in after a question mark starts a sentence: capital first letter.
    expect(outbox.text).toContain("Why wait? Trailers wait hours at the gate.");
    expect(outbox.text).toContain(`${account.name} could skip that.`);
    expect(outbox.text).toContain("Maya Test");
    expect(outbox.text).not.toContain("{{");
    expect(outbox.html).not.toContain("{{");

    // The message record shows what the prospect received.
    const stored = await prisma.outreach.findUniqueOrThrow({ where: { id } });
    expect(stored.subject).toBe(`Dana, coffee at ${event.name}?`);
    expect(stored.message).not.toContain("{{");
  });

  it("refuses to send a message naming a merge field that does not exist, and changes nothing", async () => {
    const { cookie, person } = await signedInRep();
    const created = await callRoute(outreachRoute.POST, "/api/outreach", {
      method: "POST", cookie,
      body: { personId: person.id, subject: "Hello", message: "Hi {{person.nickname}}, see you there." },
    });
    const id = created.json.data.id as string;
    const sent = await callRoute(sendRoute.POST, `/api/outreach/${id}/send`, { method: "POST", cookie, params: { id } });
    expect(sent.status).toBe(422);
    expect(sent.json.error).toContain("{{person.nickname}}");
    expect(sent.json.details).toEqual([{ path: "message", message: "Unknown merge field {{person.nickname}}" }]);
    expect(await prisma.outreach.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT", message: "Hi {{person.nickname}}, see you there." });
    expect(await prisma.outboxMessage.count({ where: { outreachId: id } })).toBe(0);
  });

  it("the batch path (sequences, bulk) renders the same way and sets aside only the message it cannot render", async () => {
    const { rep, person, event, account } = await signedInRep();
    const good = await createDraft({ eventId: event.id, personId: person.id, ownerId: rep.id, accountId: account.id, subject: "For {{person.firstName}}", message: "Hi {{person.firstName}}, booth at {{event.name}}." });
    const bad = await createDraft({ eventId: event.id, personId: person.id, ownerId: rep.id, accountId: account.id, subject: "Oops", message: "Hi {{person.shoeSize}}" });
    const results = await sendOutreachMany([good.id, bad.id]);
    expect(results.get(good.id)).toMatchObject({ outcome: "sent" });
    expect(results.get(bad.id)).toMatchObject({ outcome: "error" });
    const outbox = await prisma.outboxMessage.findUniqueOrThrow({ where: { outreachId: good.id } });
    expect(outbox.subject).toBe("For Dana");
    expect(outbox.text).toContain(`Hi Dana, booth at ${event.name}.`);
    expect(await prisma.outreach.findUniqueOrThrow({ where: { id: bad.id } })).toMatchObject({ status: "DRAFT" });
  });
});
