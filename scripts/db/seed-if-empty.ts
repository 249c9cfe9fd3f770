/**
 * Seeds the demo data set into an empty database (no Event rows) with seedDemo() from
 * prisma/seed/index.ts. Used by with-db.ts --seed; a database that has events is left alone,
 * so restarting `npm run dev` never duplicates or overwrites data.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { REPO_ROOT } from "./boot";
import { demoModeSetting } from "../../src/server/env";

export type SeedScale = "demo" | "large";
/** with-db's --seed: a scale, or "if-demo-mode" (npm start: the demo only when DEMO_MODE asks for it). */
export type SeedOption = SeedScale | "if-demo-mode";
type SeedDemo = (prisma: unknown, opts: { scale: SeedScale }) => Promise<void>;

export const DEFAULT_SEED_MODULE = path.join(REPO_ROOT, "prisma", "seed", "index.ts");

/**
 * What to seed for a --seed option and the DEMO_MODE value: a production start (`npm start`,
 * "if-demo-mode") creates the demo data and the demo team (with its admin) only when
 * DEMO_MODE=true or 1, so a fresh production database never gets an admin nobody asked for.
 */
export function seedRequest(option: SeedOption | undefined, demoMode: string | undefined): { scale: SeedScale } | { skip: string } {
  if (option === undefined) return { skip: "not requested" };
  if (option !== "if-demo-mode") return { scale: option };
  return demoModeSetting(demoMode) ? { scale: "demo" } : { skip: "none (production: set DEMO_MODE=true for the demo data and team)" };
}

/** Returns what happened, for the status line. */
export async function seedIfEmpty(databaseUrl: string, scale: SeedScale, seedModule = DEFAULT_SEED_MODULE): Promise<string> {
  if (!existsSync(seedModule)) {
    console.warn(`[with-db] warning: ${path.relative(REPO_ROOT, seedModule)} does not exist yet; not seeding`);
    return "skipped (no seed module)";
  }
  if (await hasEvents(databaseUrl)) return "already seeded";
  // Imported lazily: loading the generated client takes ~1 s, only worth it when seeding.
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("../../src/generated/prisma/client");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    // By URL, so that typechecking does not depend on a module that may not exist yet.
    const { seedDemo } = (await import(pathToFileURL(seedModule).href)) as { seedDemo?: SeedDemo };
    if (typeof seedDemo !== "function") throw new Error(`${seedModule} does not export seedDemo()`);
    await seedDemo(prisma, { scale });
    return `seeded (${scale})`;
  } finally {
    await prisma.$disconnect();
  }
}

/** Plain pg, not Prisma: this runs on every `npm run dev`. "events" is Event's @@map name. */
async function hasEvents(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ found: boolean }>("SELECT EXISTS (SELECT 1 FROM events) AS found");
    return rows[0]?.found === true;
  } finally {
    await client.end();
  }
}
