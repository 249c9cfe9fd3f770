import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";
import { PageHeader } from "@/components/ui/page-header";

/** An honest empty state: says what will be here and what to do next, never fake numbers. */
export function EmptyState({ icon: Icon, title, children, action, className }: {
  icon: LucideIcon;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed bg-card px-6 py-14 text-center", className)}>
      <div className="flex size-12 items-center justify-center rounded-full bg-accent text-accent-foreground">
        <Icon className="size-6" aria-hidden />
      </div>
      <h2 className="text-base font-semibold">{title}</h2>
      {children ? <div className="max-w-md text-sm text-muted-foreground">{children}</div> : null}
      {action}
    </div>
  );
}

/** A page of an event's work when there is no event yet: the page's header and what to do first. */
export function NoEvent({ title, icon, children }: { title: string; icon: LucideIcon; children: ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState icon={icon} title="No event yet">{children}</EmptyState>
    </>
  );
}
