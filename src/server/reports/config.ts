import { z } from "zod";
import { TZDate } from "@date-fns/tz";
import { CALENDAR_RANGE_MESSAGE, isInCalendarRange } from "@/lib/calendar-range";
import { TIERS, type MetricFilters } from "@/server/dashboard/stats";

export {   SECTION_LABELS, METRIC_LABELS, type ReportSection, type ReportMetric } from "@/lib/reports/labels";
import { REPORT_SECTIONS, REPORT_METRICS } from "@/lib/reports/labels";

const reportFilters = z.strictObject({
  tiers: z.array(z.enum(TIERS)).max(4).optional(),
  ownerId: z.string().min(1).max(64).optional(),
  /** Local calendar dates in the event's time zone; `to` is inclusive. */
  from: z.iso.date().refine(isInCalendarRange, CALENDAR_RANGE_MESSAGE).optional(),
  to: z.iso.date().refine(isInCalendarRange, CALENDAR_RANGE_MESSAGE).optional(),
}).refine((f) => !f.from || !f.to || f.from <= f.to, { message: "`from` must be on or before `to`", path: ["to"] });

export const reportConfig = z.strictObject({
  title: z.string().trim().max(120).optional(),
  sections: z.array(z.enum(REPORT_SECTIONS)).min(1, "Choose at least one section").default([...REPORT_SECTIONS]),
  metrics: z.array(z.enum(REPORT_METRICS)).default([...REPORT_METRICS]),
  filters: reportFilters.default({}),
});
export type ReportConfig = z.infer<typeof reportConfig>;
export type ReportFilters = z.infer<typeof reportFilters>;

export function toMetricFilters(filters: ReportFilters, timeZone: string): MetricFilters {
  const localMidnight = (ymd: string, plusDays = 0) => {
    const [y, m, d] = ymd.split("-").map(Number);
    return new Date(new TZDate(y, m - 1, d + plusDays, timeZone).getTime());
  };
  return {
    tiers: filters.tiers?.length ? filters.tiers : undefined,
    ownerId: filters.ownerId,
    from: filters.from ? localMidnight(filters.from) : undefined,
    to: filters.to ? localMidnight(filters.to, 1) : undefined,
  };
}
