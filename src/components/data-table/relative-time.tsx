import { formatAgo, formatDateTime } from "@/components/data-table/format";

/**
 * "5 minutes ago" as a <time>: the server and the browser render it a moment apart (and maybe in
 * different time zones), so a differing text is expected and not a hydration error.
 */
export function RelativeTime({ value, prefix = "" }: { value: string | Date | null | undefined; prefix?: string }) {
  if (!value) return <span>—</span>;
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)} suppressHydrationWarning>
      {prefix}
      {formatAgo(date)}
    </time>
  );
}
