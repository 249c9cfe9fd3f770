import { describe, expect, it } from "vitest";
import { extractLinks, composeEmail } from "@/server/email/compose";
import { isMachineClick, isMachineOpen } from "@/server/tracking/machine";
import { signToken, verifyToken } from "@/server/tracking/tokens";

const SECRET = "unit-secret";

describe("signed tracking tokens", () => {
  it("round-trips and refuses a different kind, a tampered payload or another secret", () => {
    const token = signToken({ k: "c", id: "o1", u: "https://vendor.example/a" }, SECRET);
    expect(verifyToken(token, "c", SECRET)).toEqual({ k: "c", id: "o1", u: "https://vendor.example/a" });
    expect(verifyToken(token, "o", SECRET)).toBeNull();
    expect(verifyToken(token, "c", "other-secret")).toBeNull();
    const [, mac] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ k: "c", id: "o1", u: "https://evil.example" })).toString("base64url")}.${mac}`;
    expect(verifyToken(forged, "c", SECRET)).toBeNull();
    expect(verifyToken("garbage", "c", SECRET)).toBeNull();
    expect(verifyToken(`${token}.extra`, "c", SECRET)).toBeNull();
  });
});

describe("machine opens and clicks", () => {
  const delivered = new Date("2026-03-04T15:00:00Z");
  const later = new Date("2026-03-04T16:00:00Z");
  const human = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";

  it("flags Apple Mail Privacy Protection and the Google/Yahoo image proxies", () => {
    expect(isMachineOpen({ userAgent: "Mozilla/5.0", occurredAt: later, deliveredAt: delivered })).toBe(true);
    expect(isMachineOpen({ userAgent: "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)", occurredAt: later, deliveredAt: delivered })).toBe(true);
    expect(isMachineOpen({ userAgent: "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html", occurredAt: later, deliveredAt: delivered })).toBe(true);
    expect(isMachineOpen({ userAgent: human, occurredAt: later, deliveredAt: delivered })).toBe(false);
  });

  it("flags opens and clicks within seconds of delivery, and scanner user agents", () => {
    const fast = new Date(delivered.getTime() + 3_000);
    expect(isMachineOpen({ userAgent: human, occurredAt: fast, deliveredAt: delivered })).toBe(true);
    expect(isMachineClick({ userAgent: human, occurredAt: fast, deliveredAt: delivered })).toBe(true);
    expect(isMachineClick({ userAgent: human, occurredAt: later, deliveredAt: delivered })).toBe(false);
    expect(isMachineClick({ userAgent: "Mozilla/5.0 (compatible; Barracuda Sentinel)", occurredAt: later, deliveredAt: delivered })).toBe(true);
    expect(isMachineClick({ userAgent: "python-requests/2.31", occurredAt: later, deliveredAt: delivered })).toBe(true);
    expect(isMachineClick({ userAgent: "", occurredAt: later, deliveredAt: delivered })).toBe(true);
  });
});

describe("composing the email", () => {
  it("extracts links without trailing punctuation", () => {
    expect(extractLinks("See https://a.example/x. Or (https://b.example/y?q=1), https://a.example/x")).toEqual(["https://a.example/x", "https://b.example/y?q=1"]);
  });

  it("escapes the message, rewrites links and adds the unsubscribe headers", () => {
    const email = composeEmail({ outreachId: "o1", message: "Hi <b>Dana</b> & team,\n\nDemo: https://vendor.example/demo.", base: "https://app.test", secret: SECRET });
    expect(email.html).toContain("Hi &lt;b&gt;Dana&lt;/b&gt; &amp; team,");
    expect(email.html).toMatch(/<a href="https:\/\/app\.test\/api\/t\/c\/[\w-]+\.[\w-]+">https:\/\/vendor\.example\/demo<\/a>\./);
    expect(email.headers["List-Unsubscribe"]).toMatch(/^<https:\/\/app\.test\/api\/unsubscribe\/[\w-]+\.[\w-]+>$/);
    expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const clickToken = /\/api\/t\/c\/([\w-]+\.[\w-]+)/.exec(email.html)![1];
    expect(verifyToken(clickToken, "c", SECRET)).toMatchObject({ id: "o1", u: "https://vendor.example/demo" });
  });
});
