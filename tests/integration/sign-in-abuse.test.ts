import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { POST as inviteTeammate } from "@/app/api/team/invites/route";
import { installPeerAddressStamp, PEER_FORWARDED_HEADER, PEER_HEADER } from "@/server/http/client-ip";
import { consumeRateLimit, RATE_LIMITS } from "@/server/http/rate-limit";
import { getUserBySessionToken } from "@/server/users/session";
import { callRoute } from "../helpers/request";
import { followMagicLink, MAGIC_LINK, requestMagicLink } from "../helpers/auth-requests";
import { createUser, signedInUser } from "../helpers/factories";
import { startSmtpSink, type ReceivedMail } from "../helpers/smtp-sink";

/**
 * Issue 13 items 1–3 through Auth.js's own endpoint (a script POSTing to
 * /api/auth/signin/nodemailer, no form in between) with mail going over a real SMTP
 * conversation on loopback, so "no mail sent" means no RCPT ever reached a mail server.
 */
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let received: ReceivedMail[] = [];

const LINK_REQUESTED = /^http:\/\/localhost:3000\/api\/auth\/verify-request\?provider=nodemailer&type=email$/;
const savedEnv = { ...process.env };
let peerCounter = 0;
/** A fresh client address per test, as our server would stamp it. */
function peer(address = `198.51.100.${++peerCounter}`) {
  return { [PEER_HEADER]: address, [PEER_FORWARDED_HEADER]: "0" };
}

beforeAll(async () => {
  installPeerAddressStamp();
  smtp = await startSmtpSink();
  received = smtp.received;
});
afterAll(() => smtp.close());

beforeEach(async () => {
  // Rate-limit windows are aligned to the clock: freeze it so a test never straddles two windows.
  vi.useFakeTimers({ toFake: ["Date"] });
  received.length = 0;
  process.env.SMTP_URL = smtp.url;
  process.env.ALLOWED_EMAIL_DOMAINS = "example.com";
  process.env.DEMO_MODE = "true";
  await prisma.rateLimit.deleteMany({ where: { key: { startsWith: "signin-" } } });
});
afterEach(() => {
  vi.useRealTimers();
  for (const key of ["SMTP_URL", "ALLOWED_EMAIL_DOMAINS", "APP_URL", "SESSION_IDLE_DAYS", "ADMIN_EMAILS"]) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

function linkIn(message: ReceivedMail): string {
  const text = message.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  return MAGIC_LINK.exec(text)![0];
}

describe("item 1: exactly one address is accepted", () => {
  const smuggled = [
    "x@example.com@x,attacker@evil.test",
    "attacker@evil.test,x@example.com",
    "x@example.com,attacker@evil.test",
    "x@example.com;attacker@evil.test",
    '"attacker@evil.test"@example.com',
    "attacker@evil.test(x@example.com)",
    "x(comment)@example.com",
    "Attacker <attacker@evil.test>, x@example.com",
    "x@example.com attacker@evil.test",
    "x@example.com\r\nBcc: attacker@evil.test",
    "x@[127.0.0.1]",
    "x＠evil.test@example.com",
    "x@example.com\u0000",
  ];

  it.each(smuggled)("%j gets no link, no token and no 5xx", async (email) => {
    const { res } = await requestMagicLink(email, { headers: peer() });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/\/login\?error=AccessDenied$/);
    expect(received).toHaveLength(0);
    expect(await prisma.verificationToken.count({ where: { identifier: { contains: "evil" } } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { toEmail: { contains: "evil" } } })).toBe(0);
  });

  it("an email field that is not one string (JSON array) is refused the same way", async () => {
    const { res } = await requestMagicLink("", {
      headers: peer(),
      contentType: "application/json",
      rawBody: (csrfToken) => JSON.stringify({ email: ["x@example.com", "attacker@evil.test"], csrfToken }),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/error=AccessDenied/);
    expect(received).toHaveLength(0);
  });

  it("a plain address in an allowed domain gets its link, lower-cased, to that one recipient", async () => {
    const { res } = await requestMagicLink("  Dana.Whit@Example.COM ", { headers: peer() });
    expect(res.headers.get("location")).toMatch(LINK_REQUESTED);
    expect(received.map((m) => m.to)).toEqual([["dana.whit@example.com"]]);
    expect(await prisma.verificationToken.count({ where: { identifier: "dana.whit@example.com" } })).toBe(1);
  });

  it("the allow-list compares IDNA-normalised domains", async () => {
    process.env.ALLOWED_EMAIL_DOMAINS = "bücher.example";
    const { res } = await requestMagicLink("kim@BÜCHER.example", { headers: peer() });
    expect(res.headers.get("location")).toMatch(LINK_REQUESTED);
    expect(received).toHaveLength(1);
    expect(await prisma.verificationToken.count({ where: { identifier: "kim@xn--bcher-kva.example" } })).toBe(1);
  });

  it("an invite takes exactly one address too", async () => {
    const { cookie } = await signedInUser("ADMIN");
    for (const email of ["a@example.com,b@evil.test", '"b@evil.test"@example.com', "a@example.com b@evil.test"]) {
      const res = await callRoute(inviteTeammate, "/api/team/invites", { method: "POST", cookie, body: { email, role: "REP" } });
      expect(res.status).toBe(422);
      expect(res.json.details[0].path).toBe("email");
    }
    expect(await prisma.invite.count({ where: { email: { contains: "evil" } } })).toBe(0);
    const ok = await callRoute(inviteTeammate, "/api/team/invites", { method: "POST", cookie, body: { email: "New.Rep@Example.org", role: "REP" } });
    expect(ok.status).toBe(201);
    expect(ok.json.data.email).toBe("new.rep@example.org");
  });
});

describe("item 2: limits where the mail is sent, one answer for everyone", () => {
  it("a teammate, a stranger and a removed teammate get the same status, redirect and cookies", async () => {
    const removed = await createUser({ email: "gone@elsewhere.test" });
    await prisma.user.update({ where: { id: removed.id }, data: { disabledAt: new Date() } });
    const answers = [];
    for (const email of ["teammate@example.com", "stranger@elsewhere.test", "gone@elsewhere.test"]) {
      const { res } = await requestMagicLink(email, { headers: peer() });
      answers.push({ status: res.status, location: res.headers.get("location"), cookies: res.headers.getSetCookie().map((c) => c.split("=")[0]).sort() });
    }
    expect(answers[0].location).toMatch(LINK_REQUESTED);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(received.map((m) => m.to)).toEqual([["teammate@example.com"]]);
  });

  it("at most 5 links per address in 10 minutes, whoever asks", async () => {
    const locations = new Set<string | null>();
    for (let i = 0; i < 7; i++) {
      const { res } = await requestMagicLink("busy@example.com", { headers: peer() });
      locations.add(res.headers.get("location"));
    }
    expect([...locations]).toHaveLength(1);
    expect(received).toHaveLength(5);
    expect(await prisma.verificationToken.count({ where: { identifier: "busy@example.com" } })).toBe(5);
    const paused = await prisma.activity.findMany({ where: { type: "auth.sign_in_refused", entityId: "busy@example.com" } });
    expect(paused.map((a) => a.description)).toEqual(["Sign-in links paused for busy@example.com: more than 5 asked in 10 minutes"]);
  });

  it("at most 30 links from one client address, and X-Forwarded-For does not reset the count", async () => {
    const from = peer("203.0.113.77");
    // The address has already asked for 28 links in this window (as the signIn callback counts them).
    for (let i = 0; i < 28; i++) await consumeRateLimit(RATE_LIMITS.signInPerIp, "203.0.113.77");
    for (let i = 0; i < 4; i++) {
      await requestMagicLink(`person${i}@example.com`, { headers: { ...from, "x-forwarded-for": `10.9.8.${i}` } });
    }
    expect(received.map((m) => m.to)).toEqual([["person0@example.com"], ["person1@example.com"]]);
    const other = await requestMagicLink("someone.else@example.com", { headers: peer("203.0.113.78") });
    expect(other.res.headers.get("location")).toMatch(LINK_REQUESTED);
    expect(received).toHaveLength(3);
  });

  it("a stranger's refusal is logged once, not per attempt", async () => {
    for (let i = 0; i < 3; i++) await requestMagicLink("nosy@elsewhere.test", { headers: peer() });
    const logged = await prisma.activity.findMany({ where: { type: "auth.sign_in_refused", entityId: "nosy@elsewhere.test" } });
    expect(logged.map((a) => a.description)).toEqual(["Sign-in refused for nosy@elsewhere.test: not on the team"]);
  });
});

describe("item 3: links from APP_URL, 15-minute links, idle sessions, sign-in/out logged", () => {
  it("builds the link from APP_URL whatever Host and X-Forwarded-Host say", async () => {
    process.env.APP_URL = "https://eventops.example.test";
    const { res } = await requestMagicLink("host.check@example.com", { headers: { ...peer(), host: "evil.test", "x-forwarded-host": "evil.test", "x-forwarded-proto": "http" } });
    expect(res.headers.get("location")).toBe("https://eventops.example.test/api/auth/verify-request?provider=nodemailer&type=email");
    expect(received).toHaveLength(1);
    expect(linkIn(received[0])).toMatch(/^https:\/\/eventops\.example\.test\/api\/auth\/callback\/nodemailer\?/);
  });

  it("a link lives 15 minutes; signing in and out is logged; the session lasts SESSION_IDLE_DAYS idle days", async () => {
    process.env.SESSION_IDLE_DAYS = "2";
    const before = Date.now();
    const { jar } = await requestMagicLink("lifecycle@example.com", { headers: peer("192.0.2.10") });
    const token = await prisma.verificationToken.findFirstOrThrow({ where: { identifier: "lifecycle@example.com" } });
    expect(token.expires.getTime() - before).toBeGreaterThan(14.9 * 60_000);
    expect(token.expires.getTime() - before).toBeLessThan(15.1 * 60_000);

    const { sessionToken } = await followMagicLink(linkIn(received[0]), jar);
    const user = await getUserBySessionToken(sessionToken);
    expect(user?.email).toBe("lifecycle@example.com");
    const session = await prisma.session.findUniqueOrThrow({ where: { sessionToken: sessionToken! } });
    const twoDays = 2 * 86_400_000;
    expect(Math.abs(session.expires.getTime() - (Date.now() + twoDays))).toBeLessThan(60_000);
    const signedIn = await prisma.activity.findFirstOrThrow({ where: { type: "auth.signed_in", actorId: user!.id } });
    expect(signedIn.description).toBe("lifecycle@example.com joined the team and signed in with an email link");

    // Used 1.5 days later: extended to two days from then. Unused for two days: gone.
    const later = new Date(Date.now() + 1.5 * 86_400_000);
    expect(await getUserBySessionToken(sessionToken, later)).not.toBeNull();
    const extended = await prisma.session.findUniqueOrThrow({ where: { sessionToken: sessionToken! } });
    expect(Math.abs(extended.expires.getTime() - (later.getTime() + twoDays))).toBeLessThan(60_000);
    expect(await getUserBySessionToken(sessionToken, new Date(later.getTime() + twoDays + 1000))).toBeNull();

    const csrf = await callRoute(GET, "/api/auth/csrf", { params: { nextauth: ["csrf"] }, cookie: jar.header() });
    jar.take(csrf.headers);
    const out = await callRoute(POST, "/api/auth/signout", {
      method: "POST",
      params: { nextauth: ["signout"] },
      cookie: jar.header(),
      rawBody: new URLSearchParams({ csrfToken: csrf.json.csrfToken, callbackUrl: "/login" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", ...peer("192.0.2.10") },
    });
    expect(out.status).toBe(302);
    expect(await prisma.session.count({ where: { sessionToken: sessionToken! } })).toBe(0);
    const signedOut = await prisma.activity.findFirstOrThrow({ where: { type: "auth.signed_out", actorId: user!.id } });
    expect(signedOut.metadata).toMatchObject({ ip: "192.0.2.10" });
  });
});
