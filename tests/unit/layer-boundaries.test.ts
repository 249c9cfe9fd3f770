import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The boundaries in eslint.config.mjs, checked against the project's real lint configuration:
// each rule must flag what it exists for and let through what is allowed.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe("layer boundaries", () => {
  // Loading the Next.js lint configuration takes seconds; do it once before the cases.
  beforeAll(() => eslint.calculateConfigForFile("src/server/env.ts"), 120_000);

  it("stops a client component importing a value from src/server", async () => {
    const ids = await ruleIds("src/components/x/widget.tsx", `"use client";\nimport { prisma } from "@/server/db";\nexport const w = prisma;\n`);
    expect(ids).toContain("boundaries/no-server-values-in-client");
  });

  it("lets a client component import server types and src/lib values", async () => {
    const code = `"use client";\nimport type { Actor } from "@/server/access/actor";\nimport { type Env } from "@/server/env";\nimport { TIERS } from "@/lib/vocabulary";\nexport const t: readonly string[] = TIERS;\nexport type A = [Actor, Env];\n`;
    expect(await ruleIds("src/components/x/widget.tsx", code)).toEqual([]);
  });

  it("lets server code import server values", async () => {
    expect(await ruleIds("src/server/x/service.ts", `import { prisma } from "@/server/db";\nexport const p = prisma;\n`)).toEqual([]);
  });

  it("stops app code importing the seed", async () => {
    const ids = await ruleIds("src/server/x/service.ts", `import { seed } from "../../../prisma/seed/index";\nexport const s = seed;\n`);
    expect(ids).toContain("no-restricted-imports");
  });

  it("keeps process.env in src/server/env.ts", async () => {
    expect(await ruleIds("src/server/x/service.ts", `export const level = process.env.LOG_LEVEL;\n`)).toContain("no-restricted-properties");
    expect(await ruleIds("src/server/env.ts", `export const level = process.env.LOG_LEVEL;\n`)).not.toContain("no-restricted-properties");
  });
});
