import type { ComponentType, ReactNode } from "react";
import { CalendarCheck2 } from "lucide-react";
import { cn } from "@/lib/utils";
import { NAV_ITEMS, isActive } from "./nav-items";

/**
 * How the navigation links: the app shell passes IntentLink (client-side navigation, prefetch on
 * intent); the booth, a Pages Router page (docs/ARCHITECTURE.md), plain anchors, because going from
 * it to an App Router page is a full page load anyway and next/navigation is not mounted there.
 */
export type NavLink = ComponentType<{ href: string; className?: string; "aria-current"?: "page"; children: ReactNode }>;

/** A plain anchor, for pages without the App Router. */
export const PlainLink: NavLink = ({ href, className, children, ...rest }) => (
  <a href={href} className={className} aria-current={rest["aria-current"]}>
    {children}
  </a>
);

/** The app's sections, as in the sidebar, with the one on screen marked. */
export function MainNav({ pathname, link: Link }: { pathname: string; link: NavLink }) {
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5 px-3">
      {NAV_ITEMS.map(({ href, label, icon: Icon }) => {
        const active = isActive(pathname, href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
              active ? "bg-sidebar-active text-white" : "text-sidebar-foreground hover:bg-white/5 hover:text-white",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}

/** The logo and name, linking to the dashboard. */
export function Brand({ link: Link }: { link: NavLink }) {
  return (
    <Link href="/dashboard" className="flex items-center gap-2 px-6 text-white">
      <span className="flex size-8 items-center justify-center rounded-lg bg-primary">
        <CalendarCheck2 className="size-4" aria-hidden />
      </span>
      <span className="text-lg font-semibold tracking-tight">EventOps</span>
    </Link>
  );
}
