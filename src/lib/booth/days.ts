/**
 * Open meetings (and finished ones) the booth shows before "Show all" once the whole agenda is on
 * the phone: a screenful or three (a busy day has hundreds). The page's own first view carries
 * fewer (BOOTH_FIRST_VIEW).
 */
export const BOOTH_FIRST_MEETINGS = 20;

/**
 * What the page itself carries (its first view, before the whole agenda arrives): the next few
 * open meetings and the last few finished ones — a phone shows two cards per screen. Every card
 * in the page is HTML to parse and a component to hydrate on a slow phone's CPU (the 40-card
 * first view made a 310-kB document, now 229 kB); the rest of the day follows with the whole
 * agenda a moment later.
 */
export const BOOTH_FIRST_VIEW = { open: 5, done: 3 } as const;

/**
 * The first view counts the rep's other meetings of the day up to this many: more than a booth
 * day ever holds for one rep, so the count stays exact at a show, and reading it stays bounded
 * when a dataset piles thousands on one rep (3,155 at the benchmark's xl size, 7 ms of count).
 */
export const BOOTH_FIRST_VIEW_COUNT_CAP = 100;

/**
 * Which show day the booth opens on. "Today" is the calendar day in the event's time zone, not
 * the phone's: when today is one of the event's days it is shown; before the show, the next show
 * day; after it, the last one — and the booth says so. Pure, so the phone can decide again while
 * offline after midnight.
 */
export type BoothPhase = "during" | "before" | "after";

export function pickBoothDay(days: string[], today: string): { day: string; phase: BoothPhase } {
  if (days.includes(today)) return { day: today, phase: "during" };
  const next = days.find((d) => d > today);
  if (next) return { day: next, phase: "before" };
  return { day: days[days.length - 1] ?? today, phase: "after" };
}

