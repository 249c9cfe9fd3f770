import type { LucideIcon } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** A section whose feature has not shipped yet: says so plainly, shows no made-up numbers. */
export function NotYetAvailable({ title, icon, what }: { title: string; icon: LucideIcon; what: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState icon={icon} title={`${title} is on its way`}>
        {what}
      </EmptyState>
    </>
  );
}
