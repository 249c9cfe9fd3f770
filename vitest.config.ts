import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname, "src"),
  // `server-only` throws outside React Server Components; tests are plain Node.
  "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
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
          // One real database: files run one after another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
