import { formatAgo } from "@/components/data-table/format";
import { formatInZone } from "@/lib/time";

/**
 * "5 minutes ago" as a <time> whose tooltip is the exact time in the viewer's zone: the server and
 * the browser render it a moment apart, so a differing text is expected and not a hydration error.
 */
export function RelativeTime({ value, timeZone, prefix = "" }: { value: string | Date | null | undefined; timeZone: string; prefix?: string }) {
  if (!value) return <span>—</span>;
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} title={formatInZone(date, timeZone)} suppressHydrationWarning>
      {prefix}
      {formatAgo(date)}
    </time>
  );
}
