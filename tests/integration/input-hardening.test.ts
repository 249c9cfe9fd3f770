import { generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { prisma } from "@/server/db";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import * as healthRoute from "@/app/api/health/route";
import * as heatmapRoute from "@/app/api/analytics/heatmap/route";
import * as meetingsRoute from "@/app/api/meetings/route";
import * as accountsRoute from "@/app/api/accounts/route";
import * as reportsRoute from "@/app/api/reports/route";
import * as sendgridRoute from "@/app/api/webhooks/sendgrid/route";
import * as inboundRoute from "@/app/api/webhooks/inbound/[secret]/route";
import { callRoute } from "../helpers/request";
import { createEvent, signedInUser } from "../helpers/factories";
import { outreachSetup } from "../helpers/outreach-fixtures";

/**
 * Issue 13 item 6: inputs that used to answer 500. Each case here failed before the fix.
 */

describe("malformed cookies", () => {
  it("a cookie that is not valid percent-encoding does not break /api/health", async () => {
    const res = await callRoute(healthRoute.GET, "/api/health", { headers: { cookie: "a=%E0" } });
    expect(res.status).toBe(200);
    expect(res.json.success).toBe(true);
  });

  it("a malformed cookie beside a valid session keeps the session", async () => {
    const { cookie, user } = await signedInUser();
    await createEvent();
    const res = await callRoute(accountsRoute.GET, "/api/accounts", { headers: { cookie: `a=%E0; ${cookie}; b=%` } });
    expect(res.status, res.text).toBe(200);
    void user;
  });

  it("a session cookie holding a NUL byte or a lone surrogate is no session (401), not a database error", async () => {
    for (const token of ["%00", "abc%00def", "%ED%A0%80", "x".repeat(5000)]) {
      const res = await callRoute(accountsRoute.GET, "/api/accounts", { headers: { cookie: `authjs.session-token=${token}` } });
      expect(res.status, token).toBe(401);
      expect(res.json).toMatchObject({ success: false, code: "unauthorized" });
    }
  });
});

describe("NUL bytes and lone surrogates", () => {
  it("a NUL byte in a JSON string is refused with a field-level 422 and writes nothing", async () => {
    const { cookie } = await signedInUser();
    await createEvent();
    const before = await prisma.targetAccount.count();
    const res = await callRoute(accountsRoute.POST, "/api/accounts", { method: "POST", cookie, body: { name: "Acme\u0000 Corp" } });
    expect(res.status, res.text).toBe(422);
    expect(res.json).toMatchObject({ success: false, code: "validation_error" });
    expect(res.json.details).toContainEqual(expect.objectContaining({ path: "name", message: expect.stringMatching(/NUL/) }));
    expect(await prisma.targetAccount.count()).toBe(before);
  });

  it("a NUL byte in a query value is refused with 422 naming the parameter", async () => {
    const { cookie } = await signedInUser();
    await createEvent();
    const res = await callRoute(accountsRoute.GET, "/api/accounts?q=acme%00", { cookie });
    expect(res.status, res.text).toBe(422);
    expect(res.json.details).toContainEqual(expect.objectContaining({ path: "q", message: expect.stringMatching(/NUL/) }));
  });

  it("a lone surrogate in a JSON string (even inside a JSON column) is refused with 422", async () => {
    const { cookie } = await signedInUser();
    await createEvent();
    const before = await prisma.reportDefinition.count();
    for (const name of ["Pipeline \ud800", "\udfff report"]) {
      const res = await callRoute(reportsRoute.POST, "/api/reports", { method: "POST", cookie, body: { name, config: {} } });
      expect(res.status, res.text).toBe(422);
      expect(res.json.details).toContainEqual(expect.objectContaining({ path: "name", message: expect.stringMatching(/surrogate|character/) }));
    }
    expect(await prisma.reportDefinition.count()).toBe(before);
  });

  it("object keys are checked too", async () => {
    const { cookie } = await signedInUser();
    const res = await callRoute(reportsRoute.POST, "/api/reports", { method: "POST", cookie, body: { name: "R", config: { "a\u0000": 1 } } });
    expect(res.status, res.text).toBe(422);
  });

  it("emoji, RTL marks and other valid text still pass", async () => {
    const { cookie } = await signedInUser();
    await createEvent();
    const res = await callRoute(accountsRoute.POST, "/api/accounts", { method: "POST", cookie, body: { name: "שלום \u200f Acme 🚚👩🏽‍💻" } });
    expect(res.status, res.text).toBe(201);
    expect(res.json.data.name).toBe("שלום \u200f Acme 🚚👩🏽‍💻");
  });
});

/** A request whose body is a stream of `total` bytes in 64 KB chunks; counts how many the server pulled. */
function streamingRequest(path: string, total: number, headers: Record<string, string>) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const init = { method: "POST", headers: { host: "127.0.0.1:3000", ...headers }, body, duplex: "half" };
  const req = new NextRequest(new Request(new URL(path, "http://127.0.0.1:3000"), init as RequestInit));
  return { req, pulled: () => pulled };
}

describe("dates outside what PostgreSQL and the product hold (found by the fuzz test)", () => {
  it("year 0 in a query or a body is a 422 naming the field, not a 500", async () => {
    const { cookie } = await signedInUser();
    await createEvent();
    const heatmap = await callRoute(heatmapRoute.GET, "/api/analytics/heatmap?from=0000-01-01T00:00:00Z", { cookie });
    expect(heatmap.status, heatmap.text).toBe(422);
    expect(heatmap.json.details).toContainEqual(expect.objectContaining({ path: "from", message: "Use a date between the years 1900 and 2999" }));
    const meeting = await callRoute(meetingsRoute.POST, "/api/meetings", { method: "POST", cookie, body: { personId: "cm0nobody", scheduledAt: "0000-03-10T09:30" } });
    expect(meeting.status, meeting.text).toBe(422);
    expect(meeting.json.details).toContainEqual(expect.objectContaining({ path: "scheduledAt", message: "Use a date between the years 1900 and 2999" }));
  });
});

describe("body size caps", () => {
  it("stops reading a body without Content-Length once it passes the cap (413)", async () => {
    const { cookie } = await signedInUser();
    const { req, pulled } = streamingRequest("/api/accounts", 50 * 1024 * 1024, { "content-type": "application/json", cookie });
    const res = await accountsRoute.POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ success: false, code: "payload_too_large" });
    // The default cap is 1 MB: the server must not have pulled the other 49 MB.
    expect(pulled()).toBeLessThan(2 * 1024 * 1024);
  });

  it("refuses a declared Content-Length above the cap without reading the body", async () => {
    const { cookie } = await signedInUser();
    const { req, pulled } = streamingRequest("/api/accounts", 50 * 1024 * 1024, { "content-type": "application/json", cookie, "content-length": String(50 * 1024 * 1024) });
    const res = await accountsRoute.POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(64 * 1024 * 2);
  });

  it("counts bytes, not characters: 400k three-byte characters are over a 1 MB cap", async () => {
    const { cookie } = await signedInUser();
    const res = await callRoute(accountsRoute.POST, "/api/accounts", { method: "POST", cookie, body: { name: "€".repeat(400_000) } });
    expect(res.status).toBe(413);
  });
});

describe("deep and huge JSON", () => {
  it("100k nested arrays get a 4xx, not a stack overflow", async () => {
    const { cookie } = await signedInUser();
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const bare = await callRoute(reportsRoute.POST, "/api/reports", { method: "POST", cookie, rawBody: deep, headers: { "content-type": "application/json" } });
    expect(bare.status).toBe(422);
    expect(bare.json).toMatchObject({ success: false, code: "validation_error", details: [{ path: "0.0.0…", message: "Nested more than 32 levels deep" }] });
    const inside = await callRoute(reportsRoute.POST, "/api/reports", { method: "POST", cookie, rawBody: `{"name":"x","config":{"filters":${deep}}}`, headers: { "content-type": "application/json" } });
    expect(inside.status).toBe(422);
    expect(inside.json.details).toEqual([{ path: "config.filters.0…", message: "Nested more than 32 levels deep", code: "too_deep" }]);
  });

  it("invalid UTF-8 in a JSON body is a 400, not silently replaced", async () => {
    const { cookie } = await signedInUser();
    const bytes = Buffer.concat([Buffer.from('{"name":"Acme '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
    const req = new NextRequest(new URL("/api/accounts", "http://127.0.0.1:3000"), {
      method: "POST",
      headers: { host: "127.0.0.1:3000", "content-type": "application/json", cookie },
      body: bytes,
    });
    const res = await accountsRoute.POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ success: false, code: "invalid_json" });
  });
});

describe("public webhooks: capped while reading, other people's text cleaned", () => {
  const saved = { ...process.env };
  let privateKey: KeyObject;
  beforeAll(() => {
    const pair = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    privateKey = pair.privateKey;
    process.env.SENDGRID_WEBHOOK_PUBLIC_KEY = pair.publicKey.export({ format: "der", type: "spki" }).toString("base64");
    process.env.INBOUND_PARSE_SECRET = "inbound-secret-for-input-tests";
  });
  afterAll(() => {
    for (const key of ["SENDGRID_WEBHOOK_PUBLIC_KEY", "INBOUND_PARSE_SECRET"]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  async function sentOutreach() {
    const setup = await outreachSetup();
    const outreach = await prisma.outreach.create({
      data: {
        eventId: setup.event.id, personId: setup.person.id, ownerId: setup.rep.id, accountId: setup.account.id, channel: "EMAIL",
        subject: "Yard visibility", message: "Hi", status: "SENT", sentAt: new Date(Date.now() - 3_600_000), toEmail: setup.person.email,
        messageId: `<${randomUUID()}@eventops.test>`,
      },
    });
    return { ...setup, outreach };
  }

  it("Inbound Parse stops reading past 30 MB, and refuses a larger declared length unread", async () => {
    const path = "/api/webhooks/inbound/inbound-secret-for-input-tests";
    const ctx = { params: Promise.resolve({ secret: "inbound-secret-for-input-tests" }) };
    const endless = streamingRequest(path, 200 * 1024 * 1024, { "content-type": "multipart/form-data; boundary=x" });
    const res = await inboundRoute.POST(endless.req, ctx);
    expect(res.status).toBe(413);
    expect(endless.pulled()).toBeLessThan(31 * 1024 * 1024);
    const declared = streamingRequest(path, 200 * 1024 * 1024, { "content-type": "multipart/form-data; boundary=x", "content-length": String(200 * 1024 * 1024) });
    expect((await inboundRoute.POST(declared.req, ctx)).status).toBe(413);
    expect(declared.pulled()).toBeLessThanOrEqual(512 * 1024);
  });

  it("the SendGrid event webhook refuses a declared length past 5 MB without reading it", async () => {
    const declared = streamingRequest("/api/webhooks/sendgrid", 50 * 1024 * 1024, { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) });
    const res = await sendgridRoute.POST(declared.req, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect(declared.pulled()).toBeLessThanOrEqual(512 * 1024);
  });

  it("a reply whose text holds NUL bytes and broken characters is recorded, cleaned", async () => {
    const { outreach, person } = await sentOutreach();
    const form = new FormData();
    form.set("headers", `From: Dana <${person.email}>\r\nIn-Reply-To: ${outreach.messageId}\r\nMessage-ID: <r-${randomUUID()}@acme.test>\u0000`);
    form.set("from", `Dana <${person.email}>`);
    form.set("subject", "Re: Yard\u0000 visibility");
    form.set("text", "Tuesday\u0000 works \ud83d");
    const req = new NextRequest(new URL("/api/webhooks/inbound/inbound-secret-for-input-tests", "http://127.0.0.1:3000"), { method: "POST", body: form, headers: { host: "127.0.0.1:3000" } });
    const res = await inboundRoute.POST(req, { params: Promise.resolve({ secret: "inbound-secret-for-input-tests" }) });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, data: { matched: true, outreachId: outreach.id } });
    const reply = await prisma.inboundMessage.findFirstOrThrow({ where: { outreachId: outreach.id } });
    expect(reply).toMatchObject({ kind: "REPLY", subject: "Re: Yard visibility", text: "Tuesday works \ufffd" });
  });

  it("a signed SendGrid event whose reason holds a NUL byte is applied, cleaned", async () => {
    const { outreach, person } = await sentOutreach();
    const payload = JSON.stringify([{ event: "bounce", email: person.email, timestamp: Math.floor(Date.now() / 1000), sg_event_id: `ev-${randomUUID()}`, outreachId: outreach.id, reason: "550\u0000 unknown \udc00user", type: "bounce" }]);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign("sha256", Buffer.from(timestamp + payload), privateKey).toString("base64");
    const res = await callRoute(sendgridRoute.POST, "/api/webhooks/sendgrid", {
      method: "POST",
      rawBody: payload,
      headers: { "content-type": "application/json", "x-twilio-email-event-webhook-signature": signature, "x-twilio-email-event-webhook-timestamp": timestamp },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json.data).toMatchObject({ applied: 1 });
    expect((await prisma.outreach.findUniqueOrThrow({ where: { id: outreach.id } })).failureReason).toBe("550 unknown \ufffduser");
  });
});

describe("Auth.js's own endpoints with malformed cookies and NUL bytes", () => {
  const cookies = [
    "a=%E0", "authjs.session-token=%00", "authjs.session-token=%ED%A0%80", "authjs.session-token=abc%00def; authjs.csrf-token=%00",
    `authjs.session-token=${"x".repeat(5000)}`, "authjs.callback-url=%E0", "authjs.callback-url=javascript%3Aalert(1)", "authjs.callback-url=not a url",
  ];

  it("a valid callback URL and session survive the clean-up", async () => {
    const { user, cookie } = await signedInUser();
    const res = await callRoute(authRoute.GET, "/api/auth/session", { params: { nextauth: ["session"] }, headers: { cookie: `a=%E0; ${cookie}; authjs.callback-url=%2Fdashboard` } });
    expect(res.status).toBe(200);
    expect(res.json.user.email).toBe(user.email);
  });

  it("session, csrf and providers answer below 500 whatever the cookies", async () => {
    for (const cookie of cookies) {
      for (const action of ["session", "csrf", "providers"]) {
        const res = await callRoute(authRoute.GET, `/api/auth/${action}`, { params: { nextauth: [action] }, headers: { cookie } });
        expect(res.status, `${action} with ${cookie.slice(0, 60)}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
        const withQuery = await callRoute(authRoute.GET, `/api/auth/${action}?callbackUrl=%E0`, { params: { nextauth: [action] }, headers: { cookie } });
        expect(withQuery.status, `${action}?callbackUrl=%E0 with ${cookie.slice(0, 60)}`).toBeLessThan(500);
      }
    }
  });

  it("a magic-link callback whose token or email holds a NUL byte is refused below 500", async () => {
    for (const query of ["token=%00&email=a%40example.test", "token=abc&email=a%00%40example.test", "token=%ED%A0%80&email=x"]) {
      const res = await callRoute(authRoute.GET, `/api/auth/callback/nodemailer?${query}`, { params: { nextauth: ["callback", "nodemailer"] }, headers: { cookie: "a=%E0" } });
      expect(res.status, `${query}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
    }
  });

  it("a sign-in request with a NUL byte in the address is refused below 500 and sends nothing", async () => {
    const csrf = await callRoute(authRoute.GET, "/api/auth/csrf", { params: { nextauth: ["csrf"] } });
    const csrfCookie = csrf.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    const before = await prisma.verificationToken.count();
    for (const email of ["dana\u0000@example.test", "dana@example.test\u0000", "\ud800@example.test"]) {
      const form = new URLSearchParams({ email, csrfToken: csrf.json.csrfToken, callbackUrl: "/dashboard" });
      const res = await callRoute(authRoute.POST, "/api/auth/signin/nodemailer", {
        method: "POST",
        params: { nextauth: ["signin", "nodemailer"] },
        cookie: `${csrfCookie}; a=%E0`,
        rawBody: form.toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(res.status, `${JSON.stringify(email)}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
    }
    expect(await prisma.verificationToken.count()).toBe(before);
  });
});
