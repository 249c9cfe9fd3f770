import { prisma } from "@/server/db";
import { AppError } from "@/server/http/errors";
import packageJson from "../../../package.json" with { type: "json" };

export async function checkHealth() {
  const started = performance.now();
  try {
    await prisma.$queryRaw`SELECT 1`;
  } catch {
    throw new AppError("service_unavailable", "Database unreachable");
  }
  return {
    status: "ok" as const,
    database: "up" as const,
    databaseLatencyMs: Math.round((performance.now() - started) * 10) / 10,
    version: packageJson.version,
    time: new Date().toISOString(),
  };
}
