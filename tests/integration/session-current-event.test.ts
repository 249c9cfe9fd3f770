import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { getUserBySessionToken } from "@/server/users/session";
import { findActor } from "@/server/access/actor";
import { resolveCurrentEvent } from "@/server/events/service";
import { userCounter } from "@/server/http/rate-limit";
import { sessionLifetime } from "@/server/users/session-lifetime";
import { createEvent, createSession, createUser } from "../helpers/factories";

/**
 * The session lookup reads the user's chosen event in the same statement (one round trip per
 * request); what it returns must be exactly what the Prisma read of that event returns.
 */
const summary = { id: true, name: true, slug: true, startDate: true, endDate: true, venue: true, city: true, timeZone: true, boothNumber: true } as const;

describe("session with its current event", () => {
  it("carries the chosen event exactly as Prisma reads it, and the actor uses it", async () => {
    const event = await createEvent({ timeZone: "Europe/Berlin" });
    await prisma.event.update({ where: { id: event.id }, data: { venue: "Messe Süd", boothNumber: "B-12" } });
    const user = await createUser();
    await prisma.user.update({ where: { id: user.id }, data: { lastEventId: event.id } });
    const { sessionToken } = await createSession(user.id);

    const signedIn = await getUserBySessionToken(sessionToken);
    const expected = await prisma.event.findUniqueOrThrow({ where: { id: event.id }, select: summary });
    expect(signedIn?.currentEvent).toEqual(expected);
    expect(signedIn).toMatchObject({ id: user.id, email: user.email, role: "REP", lastEventId: event.id });
    expect((await findActor(signedIn!)).event).toEqual(expected);
  });

  it("falls back by the same rule as resolveCurrentEvent when the chosen event was archived or none was chosen", async () => {
    const archived = await createEvent();
    await prisma.event.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    await createEvent();
    for (const lastEventId of [archived.id, null]) {
      const user = await createUser();
      await prisma.user.update({ where: { id: user.id }, data: { lastEventId } });
      const { sessionToken } = await createSession(user.id);

      const signedIn = await getUserBySessionToken(sessionToken);
      const fallback = await resolveCurrentEvent(lastEventId);
      expect(fallback).not.toBeNull();
      expect(signedIn?.currentEvent).toEqual(fallback);
      expect(signedIn?.currentEvent?.id).not.toBe(archived.id);
      expect((await findActor(signedIn!)).event).toEqual(fallback);
    }
  });

  it("is no session at all when it expired or the user was removed", async () => {
    const user = await createUser();
    const expired = await createSession(user.id, new Date(Date.now() - 1000));
    expect(await getUserBySessionToken(expired.sessionToken)).toBeNull();
    const live = await createSession(user.id);
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await getUserBySessionToken(live.sessionToken)).toBeNull();
  });

  it("reads the same instants in any server time zone, with or without the request's counter", async () => {
    const event = await createEvent();
    const user = await createUser();
    await prisma.user.update({ where: { id: user.id }, data: { lastEventId: event.id } });
    // A full lifetime ahead (so not due for extension), with milliseconds.
    const expires = new Date(Date.now() + sessionLifetime().maxAgeSeconds * 1000 - 60_000 + 123);
    const { sessionToken } = await createSession(user.id, expires);
    const expected = await prisma.event.findUniqueOrThrow({ where: { id: event.id }, select: summary });
    const zone = process.env.TZ;
    // Raw pg reads a timestamp or a date in the process's zone unless the query makes it an instant.
    process.env.TZ = "Pacific/Kiritimati"; // UTC+14: a date read as local midnight is a day off
    try {
      for (const counter of [undefined, userCounter({ bucket: `tz-${Date.now()}`, points: 5, windowSeconds: 60 })]) {
        const signedIn = await getUserBySessionToken(sessionToken, new Date(), counter);
        expect(signedIn?.currentEvent).toEqual(expected);
        // Read to the millisecond as an instant: a misread expiry would look due and be extended
        // (extendSessionIfDue also matches the row on it).
        expect((await prisma.session.findUniqueOrThrow({ where: { sessionToken } })).expires).toEqual(expires);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
