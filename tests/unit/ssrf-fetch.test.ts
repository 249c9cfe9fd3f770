import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlockedUrlError, safeFetch } from "@/server/research/safe-fetch";
import { allowLoopbackOnly, startFakeSite } from "../helpers/fake-site";

let site: Awaited<ReturnType<typeof startFakeSite>>;
beforeAll(async () => {
  site = await startFakeSite();
});
afterAll(() => site.close());

describe("the SSRF guard with its default policy", () => {
  it("refuses loopback, private, link-local/metadata and IPv6 loopback targets before connecting", async () => {
    const before = site.requests.length;
    for (const url of [
      site.url("/"),
      `http://localhost:${site.port}/`,
      `http://[::1]:${site.port}/`,
      `http://2130706433:${site.port}/`, // 127.0.0.1 written as a number
      "http://10.0.0.1/",
      "http://192.168.1.1/",
      "http://169.254.169.254/latest/meta-data/",
      "http://100.64.0.1/",
      "http://[::ffff:127.0.0.1]/",
      "http://[fd00::1]/",
    ]) {
      await expect(safeFetch(url, { timeoutMs: 2000 }), url).rejects.toThrow(BlockedUrlError);
    }
    expect(site.requests.length).toBe(before);
  });

  it("refuses other schemes and URLs with credentials", async () => {
    await expect(safeFetch("ftp://example.com/file")).rejects.toThrow(/Only http and https/);
    await expect(safeFetch("file:///etc/passwd")).rejects.toThrow(/Only http and https/);
    await expect(safeFetch("http://user:pw@example.com/")).rejects.toThrow(/credentials/);
  });

  it("refuses ports other than 80 and 443, before resolving or connecting", async () => {
    const resolved: string[] = [];
    const resolve = async (host: string) => (resolved.push(host), [{ address: "93.184.216.34", family: 4 }]);
    for (const url of ["http://example.com:8080/", "https://example.com:8443/", "http://example.com:22/", "http://example.com:6379/"]) {
      await expect(safeFetch(url, { resolve }), url).rejects.toThrow(/Only the web ports 80 and 443 are allowed/);
    }
    expect(resolved).toEqual([]);
    // The local stand-in site is a public-looking address on a high port: refused by the default port rule.
    const before = site.requests.length;
    await expect(safeFetch(site.url("/"), { allowAddress: (a) => a === "127.0.0.1" })).rejects.toThrow(`Only the web ports 80 and 443 are allowed, not ${site.port}`);
    expect(site.requests.length).toBe(before);
  });

  it("refuses a name that resolves to any private address (resolver answers checked, not trusted)", async () => {
    const resolve = async () => [{ address: "93.184.216.34", family: 4 }, { address: "10.0.0.5", family: 4 }];
    await expect(safeFetch("http://rebind.example/", { resolve })).rejects.toThrow(/10\.0\.0\.5, which is not a public address/);
  });
});

describe("the SSRF guard with a local server standing in for the public site", () => {
  it("fetches the page, connecting to the checked address while keeping the host name", async () => {
    const resolve = async () => [{ address: "127.0.0.1", family: 4 }];
    const page = await safeFetch(`http://harbor.example:${site.port}/`, { ...allowLoopbackOnly, resolve });
    expect(page.status).toBe(200);
    expect(page.body).toContain("Harbor Cold Chain");
    expect(site.requests.at(-1)).toEqual({ path: "/", host: `harbor.example:${site.port}` });
  });

  it("follows a same-site redirect but refuses a redirect to a private or metadata address", async () => {
    const ok = await safeFetch(site.url("/redirect-home"), allowLoopbackOnly);
    expect(ok.url).toBe(site.url("/"));
    await expect(safeFetch(site.url("/redirect-private"), allowLoopbackOnly)).rejects.toThrow(/10\.0\.0\.1, which is not a public address/);
    await expect(safeFetch(site.url("/redirect-metadata"), allowLoopbackOnly)).rejects.toThrow(/169\.254\.169\.254/);
    await expect(safeFetch(site.url("/loop"), { ...allowLoopbackOnly, maxRedirects: 3 })).rejects.toThrow(/More than 3 redirects/);
  });

  it("caps the size and the time", async () => {
    const big = await safeFetch(site.url("/big"), { ...allowLoopbackOnly, maxBytes: 1000 });
    expect(big.truncated).toBe(true);
    expect(big.body).toHaveLength(1000);
    await expect(safeFetch(site.url("/slow"), { ...allowLoopbackOnly, timeoutMs: 300 })).rejects.toThrow(/Timed out/);
  });
});
