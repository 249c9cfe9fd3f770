import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseEmailAddress, normalizeDomain } from "@/server/users/email-address";
import { assertBootConfig, env, productionConfigProblems } from "@/server/env";
import { clientIp, installPeerAddressStamp, isDirectLoopbackRequest, PEER_FORWARDED_HEADER, PEER_HEADER } from "@/server/http/client-ip";
import { pageContentSecurityPolicy } from "@/server/http/csp";
import { isAppPath, linkedinProfileUrl } from "@/lib/safe-links";
import { seedRequest } from "../../scripts/db/seed-if-empty";

const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});
function setEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return env();
}

describe("the sign-in address parser", () => {
  it.each([
    ["Dana.Whit@Example.COM", "dana.whit@example.com"],
    ["  sam+events@vendor.co.uk ", "sam+events@vendor.co.uk"],
    ["kim@BÜCHER.example", "kim@xn--bcher-kva.example"],
    ["o'brien@sub.domain-with-dash.io", "o'brien@sub.domain-with-dash.io"],
  ])("accepts %j as %j", (input, email) => {
    const parsed = parseEmailAddress(input);
    expect(parsed).toMatchObject({ ok: true, value: { email } });
  });

  it.each([
    ["x@example.com@x,attacker@evil.test", "Enter exactly one email address, with one @"],
    ["a@example.com,b@example.com", "Enter exactly one email address, with one @"],
    ["a,b@example.com", "The part before the @ can hold letters, digits, dots and - _ + only"],
    ['"a b"@example.com', "An email address has no spaces or invisible characters"],
    ['"ab"@example.com', "The part before the @ can hold letters, digits, dots and - _ + only"],
    ["a(comment)@example.com", "The part before the @ can hold letters, digits, dots and - _ + only"],
    ["a@example.com;b", "The part after the @ must be a domain such as company.com"],
    ["a@example.com (comment)", "An email address has no spaces or invisible characters"],
    ["a@localhost", "The part after the @ must be a domain such as company.com"],
    ["a@[10.0.0.1]", "The part after the @ must be a domain such as company.com"],
    ["a@10.0.0.1", "The part after the @ must be a domain such as company.com"],
    ["a..b@example.com", "The part before the @ can hold letters, digits, dots and - _ + only"],
    ["a@-example.com", "The part after the @ must be a domain such as company.com"],
    ["a\u200b@example.com", "An email address has no spaces or invisible characters"],
    ["ä@example.com", "The part before the @ can hold letters, digits, dots and - _ + only"],
    ["", "Enter an email address"],
    [`${"a".repeat(65)}@example.com`, "The part before the @ can hold letters, digits, dots and - _ + only"],
  ])("refuses %j: %s", (input, reason) => {
    expect(parseEmailAddress(input)).toEqual({ ok: false, reason });
  });

  it("refuses what is not a string", () => {
    expect(parseEmailAddress(["a@example.com"])).toEqual({ ok: false, reason: "An email address must be text" });
    expect(parseEmailAddress(undefined)).toEqual({ ok: false, reason: "An email address must be text" });
  });

  it("normalises allow-listed domains the same way, and the environment refuses a bad entry", () => {
    expect(normalizeDomain(" Bücher.Example ")).toBe("xn--bcher-kva.example");
    expect(normalizeDomain("example.com,evil.test")).toBeNull();
    expect(setEnv({ ALLOWED_EMAIL_DOMAINS: "Example.com, bücher.example", ADMIN_EMAILS: "Boss@Example.com" })).toMatchObject({
      ALLOWED_EMAIL_DOMAINS: ["example.com", "xn--bcher-kva.example"],
      ADMIN_EMAILS: ["boss@example.com"],
    });
    expect(() => setEnv({ ADMIN_EMAILS: "boss@example.com@evil.test" })).toThrow(/"boss@example.com@evil.test" is not one email address/);
  });
});

describe("the production boot check", () => {
  const good = { NODE_ENV: "production", APP_URL: "https://eventops.example.com", AUTH_SECRET: "s".repeat(32), CRON_SECRET: "cron-secret-value" };

  it("passes with APP_URL, a 32-character AUTH_SECRET and CRON_SECRET, and keeps AUTH_URL equal to APP_URL", () => {
    expect(productionConfigProblems(setEnv(good))).toEqual([]);
    expect(() => assertBootConfig()).not.toThrow();
    expect(process.env.AUTH_URL).toBe("https://eventops.example.com");
  });

  it("names every missing or weak setting in one message", () => {
    setEnv({ ...good, APP_URL: undefined, AUTH_URL: undefined, AUTH_SECRET: "short", CRON_SECRET: undefined });
    expect(() => assertBootConfig()).toThrow(
      [
        "EventOps cannot start in production:",
        "  - APP_URL is not set. Set it to the app's public address, e.g. https://eventops.example.com: sign-in, tracking and unsubscribe links are built from it.",
        "  - AUTH_SECRET has 5 characters; use at least 32 (openssl rand -base64 32).",
        "  - CRON_SECRET is not set. Set it to a long random value (openssl rand -hex 32); the scheduler sends it as a Bearer token.",
        "See docs/DEPLOY.md.",
      ].join("\n"),
    );
  });

  it("refuses an APP_URL with a path, and accepts AUTH_URL alone", () => {
    expect(productionConfigProblems(setEnv({ ...good, APP_URL: "https://example.com/eventops" }))).toEqual([
      "APP_URL (https://example.com/eventops) must be an http(s) address without a path, e.g. https://eventops.example.com.",
    ]);
    expect(productionConfigProblems(setEnv({ ...good, APP_URL: undefined, AUTH_URL: "https://auth-only.example.com" }))).toEqual([]);
  });

  it("does not check development servers", () => {
    setEnv({ NODE_ENV: "development", APP_URL: undefined, AUTH_SECRET: undefined, CRON_SECRET: undefined });
    expect(() => assertBootConfig()).not.toThrow();
  });
});

describe("the client address", () => {
  beforeAll(() => installPeerAddressStamp());
  const stamped = (peer: string, extra: Record<string, string> = {}, forwarded = "0") => new Headers({ [PEER_HEADER]: peer, [PEER_FORWARDED_HEADER]: forwarded, ...extra });

  it("is the socket peer, whatever X-Forwarded-For or X-Real-IP say", () => {
    const config = setEnv({ TRUSTED_PROXY: undefined, VERCEL: undefined });
    expect(clientIp(stamped("198.51.100.7", { "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" }), config)).toBe("198.51.100.7");
    expect(clientIp(stamped("::ffff:198.51.100.7"), config)).toBe("198.51.100.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "1.2.3.4" }), config)).toBe("unknown");
  });

  it("follows X-Forwarded-For past the configured proxies only", () => {
    const config = setEnv({ TRUSTED_PROXY: "10.0.0.0/8, 127.0.0.1", VERCEL: undefined });
    // client → proxy 10.1.1.1 → proxy 127.0.0.1 → us; a forged first entry is ignored
    expect(clientIp(stamped("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.1.1.1" }), config)).toBe("203.0.113.5");
    // a caller that is not one of our proxies cannot choose its address
    expect(clientIp(stamped("198.51.100.9", { "x-forwarded-for": "203.0.113.5" }), config)).toBe("198.51.100.9");
    expect(() => setEnv({ TRUSTED_PROXY: "10.0.0.0/33" })).toThrow(/not an IP address or CIDR range/);
  });

  it("on Vercel is what Vercel's edge says", () => {
    const config = setEnv({ VERCEL: "1" });
    expect(clientIp(new Headers({ "x-real-ip": "203.0.113.10", "x-forwarded-for": "203.0.113.10" }), config)).toBe("203.0.113.10");
  });

  it("is loopback-direct only for a loopback peer, no forwarding and a loopback Host", () => {
    expect(isDirectLoopbackRequest(stamped("127.0.0.1", { host: "localhost:3000" }))).toBe(true);
    expect(isDirectLoopbackRequest(stamped("::1", { host: "[::1]:3000" }))).toBe(true);
    expect(isDirectLoopbackRequest(stamped("127.0.0.1", { host: "localhost:3000" }, "1"))).toBe(false);
    expect(isDirectLoopbackRequest(stamped("127.0.0.1", { host: "rebound.attacker.test" }))).toBe(false);
    expect(isDirectLoopbackRequest(stamped("192.168.1.20", { host: "localhost:3000" }))).toBe(false);
    expect(isDirectLoopbackRequest(new Headers({ host: "localhost", "x-forwarded-for": "127.0.0.1" }))).toBe(false);
  });
});

describe("links built from outside values", () => {
  it("a presence path is a page under /dashboard, never another site or a script", () => {
    for (const ok of ["/dashboard", "/dashboard/accounts/cm123abc", "/dashboard/settings"]) expect(isAppPath(ok), ok).toBe(true);
    for (const bad of ["//evil.test", "/\\evil.test", "javascript:alert(1)", "/dashboard/../login", "https://evil.test/dashboard", "/dashboard//evil.test", "/login", "/dashboard?x=1", "/dashboard/a b"]) {
      expect(isAppPath(bad), bad).toBe(false);
    }
  });

  it("a LinkedIn URL is https on linkedin.com, or nothing", () => {
    expect(linkedinProfileUrl("https://www.linkedin.com/in/dana-whitfield")).toBe("https://www.linkedin.com/in/dana-whitfield");
    expect(linkedinProfileUrl("linkedin.com/in/dana")).toBe("https://linkedin.com/in/dana");
    expect(linkedinProfileUrl("http://de.linkedin.com/in/dana")).toBe("https://de.linkedin.com/in/dana");
    for (const bad of ["javascript:alert(1)", "https://evil.test/in/dana", "https://linkedin.com.evil.test/in/x", "https://evil.test/?u=linkedin.com", "https://user:pw@linkedin.com/in/x", "https://linkedin.com:8443/in/x", "https://www.linkedin.com/", "data:text/html,hi", "not a url"]) {
      expect(linkedinProfileUrl(bad), bad).toBeNull();
    }
  });
});

describe("the page Content-Security-Policy", () => {
  it("allows scripts by nonce and from our origin only, never inline", () => {
    const policy = pageContentSecurityPolicy("abc123==", { development: false, vercel: false });
    const scripts = policy.split("; ").find((d) => d.startsWith("script-src"));
    expect(scripts).toBe("script-src 'self' 'nonce-abc123=='");
    expect(policy).not.toContain("unsafe-inline'; script");
    expect(pageContentSecurityPolicy("n", { development: true, vercel: false })).toContain("script-src 'self' 'nonce-n' 'unsafe-eval'");
  });
});

describe("demo data on start", () => {
  it("npm start's --seed=if-demo-mode seeds the demo only when DEMO_MODE asks for it; npm run dev's --seed always does", () => {
    expect(seedRequest("if-demo-mode", undefined)).toEqual({ skip: "none (production: set DEMO_MODE=true for the demo data and team)" });
    expect(seedRequest("if-demo-mode", "false")).toMatchObject({ skip: expect.any(String) });
    expect(seedRequest("if-demo-mode", "yes")).toMatchObject({ skip: expect.any(String) });
    expect(seedRequest("if-demo-mode", "true")).toEqual({ scale: "demo" });
    expect(seedRequest("if-demo-mode", "1")).toEqual({ scale: "demo" });
    expect(seedRequest("demo", undefined)).toEqual({ scale: "demo" });
    expect(seedRequest(undefined, "true")).toEqual({ skip: "not requested" });
  });
});
