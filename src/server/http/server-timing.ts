import { env } from "@/server/env";

/**
 * Where an API request's time goes, per stage, as a standard `Server-Timing` response header
 * (browsers' developer tools show it; the benchmark reads it to write the breakdown in
 * docs/PERFORMANCE.md). Off unless SERVER_TIMING=true: stage timings tell a caller a little
 * about the server, so production does not send them by default.
 *
 *   const timer = stageTimer();
 *   … await session lookup …; timer?.lap("session");
 *   headers["server-timing"] = timer.header();
 */
export type StageTimer = { lap(stage: string): void; header(): string };

export function stageTimer(): StageTimer | null {
  if (!serverTimingEnabled()) return null;
  const laps: [string, number][] = [];
  let last = performance.now();
  return {
    lap(stage) {
      const now = performance.now();
      laps.push([stage, now - last]);
      last = now;
    },
    header() {
      return laps.map(([stage, ms]) => `${stage};dur=${ms.toFixed(2)}`).join(", ");
    },
  };
}

function serverTimingEnabled(): boolean {
  const value = env().SERVER_TIMING;
  return value === "true" || value === "1";
}
