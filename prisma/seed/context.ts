/**
 * What every section of the generator shares: the per-event random stream, the id factory,
 * the event being filled, its "as of" instant and the team.
 */
import type { EventPlan } from "./timeline";
import type { EventRow, UserRow } from "./types";
import { Rng, seedId } from "./random";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** Sequential deterministic ids per table tag, shared by both events so ids never collide. */
export class IdFactory {
  private readonly counters = new Map<string, number>();

  next(tag: string): string {
    const n = (this.counters.get(tag) ?? 0) + 1;
    this.counters.set(tag, n);
    return seedId(tag, n);
  }
}

/** Who does what on the demo team (by role and title, so DEMO_TEAM can change). */
export interface Team {
  all: UserRow[];
  admin: UserRow;
  /** Owns the biggest (tier A) accounts. */
  enterprise: UserRow;
  /** Mid-market account executive. */
  ae: UserRow;
  /** Sales development rep: owns the long tail and most cold outreach. */
  sdr: UserRow;
  byId: Map<string, UserRow>;
}

export interface EventContext {
  rng: Rng;
  ids: IdFactory;
  event: EventRow;
  plan: EventPlan;
  /** The moment this event's data is "as of": `now` for the main event. Nothing is later. */
  asOf: Date;
  team: Team;
  isMain: boolean;
}

export function buildTeam(users: UserRow[]): Team {
  const admin = users.find((u) => u.role === "ADMIN") ?? users[0];
  if (!admin) throw new Error("the demo team is empty");
  const reps = users.filter((u) => u.role === "REP");
  const enterprise = reps.find((u) => /enterprise/i.test(u.title)) ?? reps[0] ?? admin;
  const sdr = reps.find((u) => /development/i.test(u.title)) ?? reps[reps.length - 1] ?? admin;
  const ae = reps.find((u) => u !== enterprise && u !== sdr) ?? enterprise;
  return { all: users, admin, enterprise, ae, sdr, byId: new Map(users.map((u) => [u.id, u])) };
}

/** A uniformly random instant in [start, end] (end clamped to start). */
export function between(rng: Rng, start: Date | number, end: Date | number): Date {
  const a = typeof start === "number" ? start : start.getTime();
  const b = Math.max(a, typeof end === "number" ? end : end.getTime());
  return new Date(Math.round(a + rng.float() * (b - a)));
}

export function maxDate(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

/**
 * A delay after `start` that must not pass `asOf`: when it would, the event still happened,
 * just sooner (keeps open/reply rates stable for messages sent yesterday).
 */
export function delayedWithin(rng: Rng, start: Date, delayMs: number, asOf: Date): Date {
  const t = start.getTime() + delayMs;
  if (t <= asOf.getTime()) return new Date(t);
  return new Date(start.getTime() + Math.max(0, asOf.getTime() - start.getTime()) * rng.range(0.05, 0.95));
}
