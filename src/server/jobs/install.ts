import { Logger, runMigrations } from "graphile-worker";
import { logger } from "@/server/logger";

const LEVELS = { error: "error", warning: "warn", info: "debug", debug: "debug" } as const;

/** graphile-worker's log lines through our pino logger; its info lines are routine, so they go out as debug. */
export const workerLogger = new Logger((scope) => (level, message, meta) => {
  logger[LEVELS[level as keyof typeof LEVELS] ?? "debug"]({ ...scope, ...(meta ?? {}), component: "graphile-worker" }, message);
});

/**
 * Installs or upgrades the job engine's own schema ("graphile_worker"; idempotent). Run with the
 * Prisma migrations by `npm run db:migrate`, the dev/start scripts and the test database.
 */
export async function installJobEngine(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: workerLogger });
}
