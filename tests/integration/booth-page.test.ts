import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { GetServerSidePropsContext } from "next";
import { describe, expect, it } from "vitest";
import BoothPageRoute, { getServerSideProps } from "@/pages/dashboard/booth";
import type { BoothPageProps } from "@/components/booth/booth-page";
import { createEvent, createSession, createUser, signedInUser } from "../helpers/factories";

// The booth is a Pages Router page (docs/ARCHITECTURE.md "Why two Pages Router pages"): its
// getServerSideProps reads the session from the request's cookies itself, by the same rule as
// every App Router page and API route.

// The request as Next.js hands it over: the Cookie header, read the way the API routes read it.
const context = (cookies: Record<string, string>) =>
  ({ req: { headers: { cookie: Object.entries(cookies).map(([name, value]) => `${name}=${value}`).join("; ") || undefined } }, query: {}, params: {} }) as unknown as GetServerSidePropsContext;

async function propsFor(cookies: Record<string, string>): Promise<BoothPageProps> {
  const result = await getServerSideProps(context(cookies));
  if (!("props" in result)) throw new Error(`expected props, got ${JSON.stringify(result)}`);
  return await result.props;
}

describe("the booth page (Pages Router)", () => {
  it("sends a visitor without a session, or with an unknown or expired one, to sign in", async () => {
    const expired = await createSession((await createUser()).id, new Date(Date.now() - 1_000));
    const cases: Record<string, string>[] = [{}, { "authjs.session-token": "not-a-session" }, { "authjs.session-token": expired.sessionToken }, { "authjs.session-token": "%E0" }];
    for (const cookies of cases) {
      expect(await getServerSideProps(context(cookies))).toEqual({ redirect: { destination: "/login", permanent: false } });
    }
  });

  it("shows the signed-in rep's agenda of their current event, in the booth's own frame", async () => {
    const event = await createEvent({ name: "Booth Page Expo" });
    const { user, cookie } = await signedInUser("REP", { eventId: event.id });
    const token = cookie.split("=")[1] ?? "";
    for (const name of ["authjs.session-token", "__Secure-authjs.session-token"]) {
      const props = await propsFor({ [name]: token });
      expect(props.agenda).toMatchObject({ userId: user.id, event: { id: event.id, name: "Booth Page Expo" }, firstView: true });
      // Props travel as JSON: dates are strings already, as the phone stores them.
      expect(typeof props.agenda?.fetchedAt).toBe("string");
      expect(props.cardReading).toBe(false);
    }

    const html = renderToStaticMarkup(createElement(BoothPageRoute, await propsFor({ "authjs.session-token": token })));
    expect(html).toContain(">Booth</h1>");
    expect(html).toContain("Booth Page Expo");
    // The frame: the app's sections as plain links, the booth marked, and a menu that needs no script.
    expect(html).toMatch(/<a href="\/dashboard\/booth" class="[^"]*" aria-current="page">/);
    expect(html).toContain('<a href="/dashboard/accounts"');
    expect(html).toContain('<summary class="');
    expect(html).toContain('<a href="/dashboard/booth/leads"');
  });
});
