import { cronRoute } from "@/server/http/cron";
import { sendDueMeetingReminders } from "@/server/meetings/reminders";

export const maxDuration = 60;

// GET /api/cron/meeting-reminders — Vercel Cron (every 5 min): 24 h and 1 h meeting reminders, each sent once
export const GET = cronRoute(({ now }) => sendDueMeetingReminders(now));
