import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import ical from "node-ical";
import { prisma } from "@/server/db";
import * as bookingRoute from "@/app/api/booking/[event]/route";
import * as manageRoute from "@/app/api/booking/manage/[token]/route";
import * as rescheduleRoute from "@/app/api/booking/manage/[token]/reschedule/route";
import * as cancelRoute from "@/app/api/booking/manage/[token]/cancel/route";
import * as icsRoute from "@/app/api/booking/manage/[token]/ics/route";
import * as offerRoute from "@/app/api/booking/offer/[token]/route";
import * as availabilityRoute from "@/app/api/me/availability/route";
import { slotOfferUrl } from "@/server/booking/links";
import { signToken } from "@/server/tracking/tokens";
import { installPeerAddressStamp, PEER_FORWARDED_HEADER, PEER_HEADER } from "@/server/http/client-ip";
import { callRoute } from "../helpers/request";
import { createUser, signedInUser } from "../helpers/factories";
import { meetingWorld } from "../helpers/meetings-fixtures";

/** An event two weeks ahead (so every slot is bookable), with `reps` reps taking 9:00–11:00 on day one. */
async function bookableEvent(options: { capacity: number; reps: number }) {
  const first = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const event = await prisma.event.create({
    data: {
      name: `Booking Expo ${randomUUID().slice(0, 6)}`, slug: `booking-${randomUUID()}`, startDate: new Date(first), endDate: new Date(first),
      timeZone: "America/Chicago", boothNumber: "512", venue: "McCormick Place", city: "Chicago", boothCapacity: options.capacity,
    },
  });
  const reps = [];
  for (let i = 0; i < options.reps; i++) {
    const rep = await createUser({ role: "REP" });
    await prisma.user.update({ where: { id: rep.id }, data: { bookingSlug: `rep-${randomUUID().slice(0, 8)}` } });
    await prisma.availabilityWindow.create({ data: { userId: rep.id, eventId: event.id, day: first, startMinute: 9 * 60, endMinute: 11 * 60 } });
    reps.push(await prisma.user.findUniqueOrThrow({ where: { id: rep.id } }));
  }
  return { event, reps, day: first };
}

const formToken = (eventId: string) => signToken({ k: "f", id: eventId, t: Date.now() - 10_000 });

// The booking limit counts per client address, read from the stamp our server puts on every
// request (src/server/http/client-ip.ts); each test prospect comes from its own address.
beforeAll(() => installPeerAddressStamp());

function book(slug: string, body: Record<string, unknown>, ip = "203.0.113.7") {
  return callRoute(bookingRoute.POST, `/api/booking/${slug}`, { method: "POST", params: { event: slug }, body, headers: { [PEER_HEADER]: ip, [PEER_FORWARDED_HEADER]: "0" } });
}

const visitor = (n: number | string) => ({ name: `Prospect ${n}`, company: `Yardco ${n}`, email: `p${n}-${randomUUID().slice(0, 6)}@yardco.test` });

describe("public booking", () => {
  it("shows free start times in the event's zone and nothing about other meetings", async () => {
    const { event, reps } = await bookableEvent({ capacity: 2, reps: 2 });
    const res = await callRoute(bookingRoute.GET, `/api/booking/${event.slug}`, { params: { event: event.slug } });
    expect(res.status).toBe(200);
    // 9:00 in Chicago (CST) is 15:00 UTC; two hours of 30-minute slots.
    expect(res.json.data.days[0].starts).toHaveLength(4);
    expect(res.json.data.days[0].starts[0]).toMatch(/T15:00:00\.000Z$/);
    expect(Object.keys(res.json.data).sort()).toEqual(["days", "event", "formToken", "rep"]);
    expect(JSON.stringify(res.json.data)).not.toContain(reps[0].id);

    const repPage = await callRoute(bookingRoute.GET, `/api/booking/${event.slug}`, { params: { event: event.slug }, query: { rep: reps[1].bookingSlug! } });
    expect(repPage.json.data.rep).toEqual({ name: reps[1].name, slug: reps[1].bookingSlug });
    expect((await callRoute(bookingRoute.GET, "/api/booking/nope", { params: { event: "nope" } })).status).toBe(404);
  });

  it("never double-books: 20 prospects on the last slot at once, exactly capacity-many get it", async () => {
    const { event, reps } = await bookableEvent({ capacity: 3, reps: 4 });
    const page = await callRoute(bookingRoute.GET, `/api/booking/${event.slug}`, { params: { event: event.slug } });
    const slot: string = page.json.data.days[0].starts[1];
    const token = formToken(event.id);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => book(event.slug, { start: slot, ...visitor(i), formToken: token }, `198.51.100.${i + 1}`)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(17);
    expect(results.find((r) => r.status === 409)?.json.error).toBe("That time was just taken — please pick another one.");
    const booked = await prisma.meeting.findMany({ where: { eventId: event.id, scheduledAt: new Date(slot) } });
    expect(booked).toHaveLength(3);
    expect(new Set(booked.map((m) => m.ownerId)).size).toBe(3);
    expect(booked.every((m) => reps.some((r) => r.id === m.ownerId) && m.bookedVia === "booking_page" && m.locationType === "BOOTH")).toBe(true);
    // The full slot is gone from the page; the others are still there.
    const after = await callRoute(bookingRoute.GET, `/api/booking/${event.slug}`, { params: { event: event.slug } });
    expect(after.json.data.days[0].starts).not.toContain(slot);
    expect(after.json.data.days[0].starts).toHaveLength(3);
  }, 120_000);

  it("matches the prospect to an existing person, sends the invite, reschedules with the same UID and cancels with METHOD:CANCEL", async () => {
    const { event, day } = await bookableEvent({ capacity: 2, reps: 1 });
    const account = await prisma.targetAccount.create({ data: { eventId: event.id, name: "Harbor Drayage", normalizedName: "harbor drayage", domain: "harbor-drayage.test" } });
    const person = await prisma.person.create({ data: { eventId: event.id, accountId: account.id, firstName: "Dana", lastName: "Wu", name: "Dana Wu", email: "dana@harbor-drayage.test" } });
    const page = await callRoute(bookingRoute.GET, `/api/booking/${event.slug}`, { params: { event: event.slug } });
    const [first, , third] = page.json.data.days[0].starts as string[];

    const res = await book(event.slug, { start: first, name: "Dana Wu", company: "Harbor Drayage", email: "DANA@harbor-drayage.test", formToken: formToken(event.id) });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ start: first, timeZone: "America/Chicago", where: "Booth 512, McCormick Place", inviteSent: true });
    const meeting = await prisma.meeting.findFirstOrThrow({ where: { eventId: event.id, personId: person.id } });
    expect(meeting).toMatchObject({ accountId: account.id, icsSequence: 0, status: "SCHEDULED" });
    expect((await prisma.targetAccount.findUniqueOrThrow({ where: { id: account.id } })).status).toBe("MEETING_SCHEDULED");

    const token = res.json.data.manageUrl.split("/booking/")[1] as string;
    const invite = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: "dana@harbor-drayage.test", kind: "meeting-invite" }, orderBy: { createdAt: "desc" } });
    expect(invite.text).toContain(`/booking/${token}`);

    const managed = await callRoute(manageRoute.GET, `/api/booking/manage/${token}`, { params: { token } });
    expect(managed.json.data).toMatchObject({ status: "SCHEDULED", personName: "Dana Wu", canChange: true });
    expect(managed.json.data.days[0].starts).not.toContain(first);

    const moved = await callRoute(rescheduleRoute.POST, `/api/booking/manage/${token}/reschedule`, { method: "POST", params: { token }, body: { start: third } });
    expect(moved.status).toBe(200);
    const icsAfterMove = await callRoute(icsRoute.GET, `/api/booking/manage/${token}/ics`, { params: { token } });
    const movedEvent = Object.values(ical.sync.parseICS(icsAfterMove.text)).find((c) => c?.type === "VEVENT") as unknown as { uid: string; sequence: string; start: Date };
    expect(movedEvent.uid).toBe(meeting.icsUid);
    expect(Number(movedEvent.sequence)).toBe(1);
    expect(movedEvent.start.toISOString()).toBe(third);
    const update = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: "dana@harbor-drayage.test", subject: { startsWith: "Updated:" } } });
    expect((update.headers as Record<string, string>)["X-iCal-Method"]).toBe("REQUEST");
    expect((update.headers as Record<string, string>)["X-iCal-Content"]).toContain(`UID:${meeting.icsUid}`);
    expect((update.headers as Record<string, string>)["X-iCal-Content"]).toContain("SEQUENCE:1");

    const cancelled = await callRoute(cancelRoute.POST, `/api/booking/manage/${token}/cancel`, { method: "POST", params: { token } });
    expect(cancelled.json.data).toEqual({ status: "CANCELLED", cancellationSent: true });
    const cancel = await prisma.outboxMessage.findFirstOrThrow({ where: { toEmail: "dana@harbor-drayage.test", subject: { startsWith: "Cancelled:" } } });
    const cancelIcs = (cancel.headers as Record<string, string>)["X-iCal-Content"];
    expect(cancelIcs).toContain("METHOD:CANCEL");
    expect(cancelIcs).toContain(`UID:${meeting.icsUid}`);
    expect(cancelIcs).toContain("SEQUENCE:2");
    expect((await callRoute(cancelRoute.POST, `/api/booking/manage/${token}/cancel`, { method: "POST", params: { token } })).status).toBe(409);
    expect(day).toBe(page.json.data.days[0].day);
  });

  it("turns away bots: honeypot, too fast, forged token — and changes nothing", async () => {
    const { event } = await bookableEvent({ capacity: 2, reps: 1 });
    const page = await callRoute(bookingRoute.GET, `/api/booking/${event.slug}`, { params: { event: event.slug } });
    const start = page.json.data.days[0].starts[0];
    const honeypot = await book(event.slug, { start, ...visitor("bot1"), website: "http://spam.test", formToken: formToken(event.id) });
    expect(honeypot.status).toBe(422);
    const fast = await book(event.slug, { start, ...visitor("bot2"), formToken: page.json.data.formToken });
    expect(fast.status).toBe(422);
    expect(fast.json.error).toContain("quicker than anyone");
    const forged = await book(event.slug, { start, ...visitor("bot3"), formToken: `${formToken(event.id).slice(0, -4)}AAAA` });
    expect(forged.status).toBe(422);
    const otherEvent = await book(event.slug, { start, ...visitor("bot4"), formToken: formToken("another-event") });
    expect(otherEvent.status).toBe(422);
    expect(await prisma.meeting.count({ where: { eventId: event.id } })).toBe(0);
    expect(await prisma.person.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("books an emailed slot offer only on confirm, only while free", async () => {
    const { event, reps } = await bookableEvent({ capacity: 1, reps: 1 });
    const person = await prisma.person.create({ data: { eventId: event.id, firstName: "Ari", name: "Ari Novak", email: "ari@brightyard.test" } });
    const page = await callRoute(bookingRoute.GET, `/api/booking/${event.slug}`, { params: { event: event.slug } });
    const start = new Date(page.json.data.days[0].starts[0]);
    const token = slotOfferUrl({ personId: person.id, repId: reps[0].id, eventId: event.id, start }).split("/booking/slot/")[1];
    const accepted = await callRoute(offerRoute.POST, `/api/booking/offer/${token}`, { method: "POST", params: { token } });
    expect(accepted.status).toBe(201);
    expect(await prisma.meeting.count({ where: { personId: person.id, bookedVia: "slot_offer", ownerId: reps[0].id } })).toBe(1);
    const again = await callRoute(offerRoute.POST, `/api/booking/offer/${token}`, { method: "POST", params: { token } });
    expect(again.status).toBe(409);
  });

  it("lets a rep set their booth hours and booking link, refusing days outside the show", async () => {
    const w = await meetingWorld();
    const put = (body: unknown) => callRoute(availabilityRoute.PUT, "/api/me/availability", { method: "PUT", cookie: w.cookie, body });
    const slug = `maya-${randomUUID().slice(0, 6)}`;
    const ok = await put({ windows: [{ day: "2026-12-14", start: "09:00", end: "12:00" }, { day: "2026-12-15", start: "13:30", end: "17:00" }], bookingSlug: slug });
    expect(ok.status).toBe(200);
    expect(ok.json.data).toMatchObject({ bookingSlug: slug, windows: [{ day: "2026-12-14", start: "09:00", end: "12:00" }, { day: "2026-12-15", start: "13:30", end: "17:00" }] });
    expect(ok.json.data.bookingUrl).toContain(`/book/${w.event.slug}/${slug}`);
    expect((await put({ windows: [{ day: "2026-12-20", start: "09:00", end: "10:00" }] })).status).toBe(422);
    expect((await put({ windows: [{ day: "2026-12-14", start: "10:00", end: "09:00" }] })).status).toBe(422);
    expect((await put({ windows: [{ day: "2026-12-14", start: "09:00", end: "11:00" }, { day: "2026-12-14", start: "10:30", end: "12:00" }] })).status).toBe(422);
    const other = await signedInUser();
    await prisma.user.update({ where: { id: other.user.id }, data: { lastEventId: w.event.id } });
    const taken = await callRoute(availabilityRoute.PUT, "/api/me/availability", { method: "PUT", cookie: other.cookie, body: { windows: [], bookingSlug: slug } });
    expect(taken.status).toBe(409);
    expect(await prisma.availabilityWindow.count({ where: { userId: w.user.id } })).toBe(2);
  });
});

describe("offer booth slots in a sequence email", () => {
  it("renders the sending rep's next free slots as one-click links for that person", async () => {
    const { event, reps } = await bookableEvent({ capacity: 2, reps: 1 });
    const person = await prisma.person.create({ data: { eventId: event.id, firstName: "Kim", name: "Kim Park", email: "kim@harbor.test" } });
    const { buildMergeContext } = await import("@/server/templates/service");
    const { renderTemplate } = await import("@/lib/merge-fields");
    const context = await buildMergeContext(person.id, event.id, { id: reps[0].id, name: reps[0].name, email: reps[0].email });
    const text = renderTemplate("Hi {{person.firstName}},\n\n{{booth.slots}}", context).text;
    const links = [...text.matchAll(/\/booking\/slot\/(\S+)/g)].map((m) => m[1]);
    expect(links).toHaveLength(4);
    expect(text).toContain("Pick a time to meet at booth 512 — one click books it:");
    expect(text).toMatch(/- \w{3}, \w{3} \d{1,2}, 9:00 AM CST: http/);
    const accepted = await callRoute(offerRoute.POST, `/api/booking/offer/${links[1]}`, { method: "POST", params: { token: links[1] } });
    expect(accepted.status).toBe(201);
    expect(accepted.json.data.start).toMatch(/T15:30:00\.000Z$/);
  });
});
