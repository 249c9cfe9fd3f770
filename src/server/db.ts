import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/server/env";

export type Db = PrismaClient;
/** A client or an interactive transaction: services take one so callers can compose writes. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createPrismaClient(connectionString: string) {
  const adapter = new PrismaPg({ connectionString, max: env().DATABASE_POOL_MAX });
  return new PrismaClient({ adapter });
}

// One client per process (Next.js dev reloads modules, so keep it on globalThis).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  // Lazy so that importing this module (e.g. during `next build`) never needs a database.
  get(_target, prop) {
    const client = (globalForPrisma.prisma ??= createPrismaClient(env().DATABASE_URL));
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * Runs `fn` in the caller's transaction when it passes one, else in a new one: a service that
 * takes an optional `db` can then be composed into a larger atomic write (the booth's offline
 * queue stores an operation's idempotency key in the same transaction as the operation).
 */
export function withTransaction<T>(db: DbTx | undefined, fn: (tx: DbTx) => Promise<T>): Promise<T> {
  return db ? fn(db) : prisma.$transaction(fn);
}
