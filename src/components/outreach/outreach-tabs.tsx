import Link from "next/link";
import { cn } from "@/lib/utils";

const TABS = [
  { href: "/dashboard/outreach", label: "Messages" },
  { href: "/dashboard/outreach/templates", label: "Templates" },
  { href: "/dashboard/outreach/campaigns", label: "Campaigns" },
];

export function OutreachTabs({ active }: { active: string }) {
  return (
    <nav aria-label="Outreach sections" className="mb-5 flex gap-1 overflow-x-auto border-b">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={active === tab.href ? "page" : undefined}
          className={cn("-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium", active === tab.href ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground")}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
