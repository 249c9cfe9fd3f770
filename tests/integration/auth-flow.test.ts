import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { prisma } from "@/server/db";
import { GET } from "@/app/api/auth/[...nextauth]/route";
import { getUserBySessionToken } from "@/server/users/session";
import { sendMail } from "@/server/email/transport";
import { callRoute } from "../helpers/request";
import { requestMagicLink } from "../helpers/auth-requests";
import { startSmtpSink } from "../helpers/smtp-sink";

describe("magic-link sign-in through Auth.js (dev outbox)", () => {
  it("emails a link to a demo teammate, and following it creates a database session", async () => {
    process.env.DEMO_MODE = "true";
    const email = "sam@eventops.dev";
    await prisma.user.deleteMany({ where: { email } });
    const { res, jar } = await requestMagicLink(email);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/verify-request|check-email/);

    const message = await prisma.outboxMessage.findFirst({ where: { toEmail: email, kind: "sign-in" }, orderBy: { createdAt: "desc" } });
    expect(message?.subject).toBe("Your EventOps sign-in link");
    const link = /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/.exec(message!.text)?.[0];
    expect(link).toBeTruthy();

    const url = new URL(link!);
    const callback = await callRoute(GET, `${url.pathname}${url.search}`, { params: { nextauth: ["callback", "nodemailer"] }, cookie: jar.header() });
    expect(callback.status).toBe(302);
    jar.take(callback.headers);
    const token = jar.get("authjs.session-token");
    expect(token).toBeTruthy();
    const user = await getUserBySessionToken(token);
    expect(user).toMatchObject({ email, role: "REP" });

    // The link works once.
    const again = await callRoute(GET, `${url.pathname}${url.search}`, { params: { nextauth: ["callback", "nodemailer"] } });
    expect(again.headers.get("location")).toContain("error=Verification");
  });

  it("refuses an address that is not invited, before sending anything", async () => {
    process.env.DEMO_MODE = "true";
    const email = "outsider@nowhere-corp.test";
    const { res } = await requestMagicLink(email);
    expect(res.status).toBe(302);
    // The same answer a teammate gets: nothing tells a stranger who is on the team.
    expect(res.headers.get("location")).toMatch(/\/api\/auth\/verify-request\?provider=nodemailer&type=email$/);
    expect(await prisma.outboxMessage.count({ where: { toEmail: email } })).toBe(0);
    expect(await prisma.verificationToken.count({ where: { identifier: email } })).toBe(0);
  });

  it("makes ADMIN_EMAILS admins when they first sign in", async () => {
    const email = "chief@vendor-admins.test";
    process.env.ADMIN_EMAILS = email;
    try {
      const { jar } = await requestMagicLink(email);
      const message = await prisma.outboxMessage.findFirst({ where: { toEmail: email }, orderBy: { createdAt: "desc" } });
      const link = new URL(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/.exec(message!.text)![0]);
      const callback = await callRoute(GET, `${link.pathname}${link.search}`, { params: { nextauth: ["callback", "nodemailer"] }, cookie: jar.header() });
      jar.take(callback.headers);
      expect(await getUserBySessionToken(jar.get("authjs.session-token"))).toMatchObject({ email, role: "ADMIN" });
    } finally {
      delete process.env.ADMIN_EMAILS;
    }
  });
});

describe("mail over a real SMTP conversation", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
  });
  afterAll(() => smtp.close());

  it("delivers through SMTP_URL with the given headers", async () => {
    process.env.SMTP_URL = smtp.url;
    const { received } = smtp;
    try {
      const result = await sendMail({ to: "rep@vendor.test", subject: "Hello", text: "Plain body", html: "<p>HTML body</p>", headers: { "X-EventOps-Test": "1" } });
      expect(result.transport).toBe("smtp");
      expect(received).toHaveLength(1);
      expect(received[0].to).toEqual(["rep@vendor.test"]);
      const parsed = await simpleParser(received[0].raw);
      expect(parsed.subject).toBe("Hello");
      expect(parsed.text?.trim()).toBe("Plain body");
      expect(parsed.headers.get("x-eventops-test")).toBe("1");
    } finally {
      delete process.env.SMTP_URL;
    }
  });

  it("refuses to send when no transport is configured outside demo mode", async () => {
    process.env.DEMO_MODE = "false";
    try {
      await expect(sendMail({ to: "x@vendor.test", subject: "s", text: "t", html: "h" })).rejects.toThrow(/not configured/);
    } finally {
      process.env.DEMO_MODE = "true";
    }
  });
});
