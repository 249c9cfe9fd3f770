import type { ReactNode } from "react";

/**
 * The person page's header actions row. "Write email" and "Book meeting" are added here by the
 * outreach and meetings work; until then only real actions are rendered.
 */
export function PersonHeaderActions({ children }: { children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="person-actions">
      {children}
    </div>
  );
}
