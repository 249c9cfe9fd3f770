import { randomUUID } from "node:crypto";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { GetServerSidePropsContext } from "next";
import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import EventBookingPage, { getServerSideProps as eventProps } from "@/pages/book/[event]/index";
import { getServerSideProps as repProps } from "@/pages/book/[event]/[rep]";
import { createUser } from "../helpers/factories";

// The public booking page is a Pages Router page without the framework's JavaScript
// (docs/ARCHITECTURE.md "Why two Pages Router pages"): its getServerSideProps and its HTML.

const context = (params: Record<string, string>) => ({ params }) as unknown as GetServerSidePropsContext<never>;

async function bookableEvent(options: { bookingEnabled?: boolean } = {}) {
  const first = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const event = await prisma.event.create({
    data: {
      name: `Page Expo ${randomUUID().slice(0, 6)}`, slug: `page-${randomUUID()}`, startDate: new Date(first), endDate: new Date(first),
      timeZone: "America/Chicago", boothNumber: "512", venue: "McCormick Place", city: "Chicago", bookingEnabled: options.bookingEnabled ?? true,
    },
  });
  const rep = await createUser({ role: "REP", name: "Dana Lee" });
  const slug = `rep-${randomUUID().slice(0, 8)}`;
  await prisma.user.update({ where: { id: rep.id }, data: { bookingSlug: slug } });
  await prisma.availabilityWindow.create({ data: { userId: rep.id, eventId: event.id, day: first, startMinute: 9 * 60, endMinute: 10 * 60 } });
  return { event, repSlug: slug };
}

describe("the public booking page (Pages Router)", () => {
  it("renders the free times as radio inputs in the event's zone, with the form token and no framework script", async () => {
    const { event, repSlug } = await bookableEvent();
    const result = await eventProps(context({ event: event.slug }));
    if (!("props" in result)) throw new Error("expected props");
    const props = await result.props;
    expect(props.days[0].starts).toHaveLength(2);

    const html = renderToStaticMarkup(createElement(EventBookingPage, props));
    // 9:00 and 9:30 in Chicago (CST): 15:00 and 15:30 UTC.
    expect(html.match(/<input type="radio"[^>]*name="start" value="[^"]+"/g)).toEqual(props.days[0].starts.map((iso) => expect.stringContaining(`name="start" value="${iso}"`)));
    expect(props.days[0].starts[0]).toMatch(/T15:00:00\.000Z$/);
    expect(html).toMatch(/>9:00 AM CST</);
    expect(html).toMatch(/>9:30 AM CST</);
    expect(html).toContain(`name="formToken" value="${props.formToken}"`);
    expect(html).toContain('data-time-zone="America/Chicago"');
    expect(html).toContain('<script src="/booking.js" defer="">');
    expect(html).not.toContain("_next/static");

    const forRep = await repProps(context({ event: event.slug, rep: repSlug }));
    if (!("props" in forRep)) throw new Error("expected props");
    const repHtml = renderToStaticMarkup(createElement(EventBookingPage, await forRep.props));
    expect(repHtml).toContain("Book a meeting with Dana Lee at our booth");
    expect(repHtml).toContain(`type="hidden" name="rep" value="${repSlug}"`);
  });

  it("answers 404 for an unknown event, an unknown rep and an event whose booking is closed", async () => {
    const { event } = await bookableEvent();
    const closed = await bookableEvent({ bookingEnabled: false });
    expect(await eventProps(context({ event: `nothing-${randomUUID()}` }))).toEqual({ notFound: true });
    expect(await repProps(context({ event: event.slug, rep: "nobody-here" }))).toEqual({ notFound: true });
    expect(await eventProps(context({ event: closed.event.slug }))).toEqual({ notFound: true });
  });
});
