import path from "node:path";
import { defineConfig } from "vitest/config";
import SlowestFirstSequencer from "./tests/helpers/sequencer";

const alias = {
  "@": path.resolve(import.meta.dirname, "src"),
  // `server-only` throws outside React Server Components; tests are plain Node.
  "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default is one worker per core minus one — a single worker on the 2-core CI machine.
    // Most integration time is spent waiting on PostgreSQL, servers and child processes, so two
    // files at a time use the cores better (VITEST_MAX_WORKERS overrides, e.g. 1 to debug).
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 2),
    sequence: { sequencer: SlowestFirstSequencer },
    coverage: {
      provider: "v8",
      include: ["src/server/**", "src/lib/**"],
      // These need a Next.js request scope (next/headers); the e2e suite exercises them.
      exclude: ["src/server/users/current.ts", "src/server/access/page-actor.ts"],
      reporter: ["text-summary", "json-summary", "html"],
      // The gate CI holds (npm test runs with --coverage): covered lines may not fall below 80 %.
      thresholds: {
        "src/server/**": { lines: 80 },
        "src/lib/**": { lines: 80 },
      },
      reportsDirectory: "coverage",
    },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // Unit tests have no database: a module that validates the environment gets an address
          // nothing listens on (a test that reaches for the database fails at once, and no unit
          // test depends on the integration project's database being set up in the same run).
          env: { DATABASE_URL: "postgresql://unit@127.0.0.1:1/unit-tests-have-no-database" },
          // As the integration project: files share their worker's module graph (~8 s less).
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          // next-auth imports "next/server" without an extension; let Vite resolve it.
          server: { deps: { inline: ["next-auth"] } },
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/helpers/test-db.ts"],
          setupFiles: ["tests/helpers/integration-setup.ts"],
          // Files run in parallel, each worker on its own copy of the migrated database
          // (tests/helpers/test-db.ts, integration-setup.ts).
          // One process per worker runs its files one after another (no fresh module graph per
          // file): module loading fell from ~270 s to ~30 s of CI time. Each file still starts
          // from empty tables (integration-setup.ts). Files must not depend on the order of other
          // files; `npx vitest run --sequence.shuffle.files --sequence.seed=N` checks that.
          // (--sequence.shuffle alone also shuffles the tests inside a file, which many files
          // rightly build on one another: round 9 misread its failures as leaks between files.)
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
