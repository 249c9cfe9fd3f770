import { describe, expect, it } from "vitest";
import { localAppUrl } from "../../scripts/db/app-url";

// Issue 16 item 10: tracking and unsubscribe links in development pointed at port 3000 whatever port the server ran on.
describe("the app's own address in development", () => {
  const next = ["node", "node_modules/next/dist/bin/next", "dev"];
  it("follows the port Next.js is started on", () => {
    expect(localAppUrl([...next, "-p", "3161"], {})).toBe("http://localhost:3161");
    expect(localAppUrl([...next, "--port=4000"], {})).toBe("http://localhost:4000");
    expect(localAppUrl(next, { PORT: "3200" })).toBe("http://localhost:3200");
    expect(localAppUrl(next, {})).toBe("http://localhost:3000");
  });
  it("never overrides a configured APP_URL, and leaves other commands alone", () => {
    expect(localAppUrl([...next, "-p", "3161"], { APP_URL: "https://app.example.com" })).toBeUndefined();
    expect(localAppUrl(["tsx", "prisma/seed/cli.ts"], {})).toBeUndefined();
  });
});
