"use client";
import { IntentLink } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Menu, X } from "lucide-react";
import { AppFrame } from "./app-frame";
import { Brand, MainNav } from "./main-nav";
import { usePageEvent } from "./use-page-event";
import { EventSwitcher } from "./event-switcher";
import { UserMenu } from "./user-menu";
import type { EventOption, ShellUser } from "./types";
import { PresenceAvatars } from "@/components/presence/lazy-presence-avatars";
import { ViewerZone } from "./viewer-zone";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { GlobalSearch } from "@/components/search/global-search";

export function AppShell({ user, events, currentEventId, banner, children }: {
  user: ShellUser;
  events: EventOption[];
  currentEventId: string | null;
  /** A notice above the header (the demo-mode banner). */
  banner?: ReactNode;
  children: ReactNode;
}) {
  const pathname = usePathname() ?? ""; // never null in the App Router
  // The mobile menu is open for the page it was opened on: navigating closes it by itself.
  const [menuOpenedOn, setMenuOpenedOn] = useState<string | null>(null);
  const menuOpen = menuOpenedOn === pathname;
  const setMenuOpen = (open: boolean) => setMenuOpenedOn(open ? pathname : null);
  usePageEvent(currentEventId);

  return (
    <AppFrame
      pathname={pathname}
      link={IntentLink}
      overlays={
        <>
          <ViewerZone />
          {menuOpen ? (
            <div className="fixed inset-0 z-40 lg:hidden" role="dialog" aria-modal="true" aria-label="Navigation">
              <button className="absolute inset-0 bg-black/40" aria-label="Close navigation" onClick={() => setMenuOpen(false)} />
              <div className="absolute inset-y-0 left-0 flex w-72 flex-col gap-6 bg-sidebar py-5 shadow-xl">
                <div className="flex items-center justify-between pr-3">
                  <Brand link={IntentLink} />
                  <button onClick={() => setMenuOpen(false)} className="rounded-md p-2 text-sidebar-foreground hover:bg-white/10" aria-label="Close navigation">
                    <X className="size-5" />
                  </button>
                </div>
                <MainNav pathname={pathname} link={IntentLink} />
              </div>
            </div>
          ) : null}
        </>
      }
      banner={banner}
      bar={
        <>
          <button className="rounded-md p-2 hover:bg-muted lg:hidden" aria-label="Open navigation" onClick={() => setMenuOpen(true)}>
            <Menu className="size-5" />
          </button>
          <EventSwitcher events={events} currentEventId={currentEventId} />
          <div className="ml-auto flex items-center gap-2 sm:gap-3">
            <GlobalSearch />
            <PresenceAvatars className="hidden sm:flex" />
            <NotificationBell />
            <UserMenu user={user} />
          </div>
        </>
      }
    >
      {children}
    </AppFrame>
  );
}
