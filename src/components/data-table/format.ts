import { formatDistanceToNowStrict } from "date-fns";
import { formatCount } from "@/lib/numbers";

/** Display helpers shared by the account and people screens (pure, client-safe). */

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : formatCount(value);
}

export function formatAgo(value: string | Date | null | undefined): string {
  if (!value) return "—";
  return `${formatDistanceToNowStrict(new Date(value))} ago`;
}

export const STATUS_LABELS: Record<string, string> = {
  PROSPECTING: "Prospecting",
  ENGAGED: "Engaged",
  MEETING_SCHEDULED: "Meeting scheduled",
  WON: "Won",
  LOST: "Lost",
};

const TIER_CLASSES: Record<string, string> = {
  A: "bg-success/15 text-success",
  B: "bg-accent text-accent-foreground",
  C: "bg-warning/15 text-warning",
  D: "bg-muted text-muted-foreground",
};

export const PERSONA_LABELS: Record<string, string> = {
  isExecOps: "Exec ops",
  isOps: "Ops",
  isProc: "Procurement",
  isSales: "Sales",
  isTech: "Tech",
  isNonOps: "Non-ops",
};

export function personaList(p: Record<string, unknown>): string[] {
  return Object.keys(PERSONA_LABELS).filter((k) => p[k] === true).map((k) => PERSONA_LABELS[k]);
}
