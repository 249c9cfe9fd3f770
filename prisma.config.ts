import path from "node:path";
import { defineConfig } from "prisma/config";

// The native schema engine cannot be downloaded here; generate/validate/format only need the
// variable to point at some file. Migrations run through the WebAssembly engine (prisma/tooling).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
