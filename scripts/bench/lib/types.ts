import type pg from "pg";
import type { Actor } from "@/server/access/actor";

/** What every benchmark case gets: the bench database (large seed), the demo event and users. */
export interface BenchContext {
  /** DATABASE_URL of the bench cluster (also set in process.env before any service is imported). */
  databaseUrl: string;
  /** Manifest 2026 in the large seed. */
  eventId: string;
  eventTimeZone: string;
  /** The admin and a rep acting on the demo event (what the route wrapper would resolve). */
  admin: Actor;
  rep: Actor;
  /** The ids of the whole seeded demo team (admin and reps), by email. */
  teamIds: string[];
  /** A plain `pg` pool for the raw-SQL baselines (not the Prisma pool). */
  pg: pg.Pool;
  /** --quick: fewer iterations, for iterating on the harness itself. */
  quick: boolean;
  log(message: string): void;
}

export interface LatencySample {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

/** A budget on one metric of a result: `max` for times and memory, `min` for throughput and scores. */
export interface Budget {
  metric: string;
  max?: number;
  min?: number;
}

export interface BenchResult {
  /** Stable key, used to compare with the previous run. */
  id: string;
  group: string;
  label: string;
  /** Numbers, in the unit their name says (…Ms, …PerSec, …Mb, score). */
  metrics: Record<string, number>;
  budgets: Budget[];
  note?: string;
}

export interface BenchCase {
  name: string;
  /** Cases that change data run after the read-only ones. */
  mutates: boolean;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}
