import { TriangleAlert } from "lucide-react";

/**
 * Shown on every page of a production server started with DEMO_MODE=true: the demo team can
 * sign in without a mail server and sign-in links are readable at /dev/mailbox on that machine,
 * so nobody should mistake it for the team's real workspace.
 */
export function DemoModeBanner() {
  return (
    <div role="note" className="flex items-center justify-center gap-2 bg-amber-100 px-4 py-1.5 text-center text-xs font-medium text-amber-950 sm:text-sm">
      <TriangleAlert className="size-4 shrink-0" aria-hidden />
      <span>Demo mode: the demo team signs in without email. Don&apos;t enter real customer data here.</span>
    </div>
  );
}
