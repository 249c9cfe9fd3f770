import type { ReactNode } from "react";
import { Brand, MainNav, type NavLink } from "./main-nav";

/**
 * The layout every signed-in page shares: the sidebar on a wide screen, a notice above the top
 * bar, the top bar, the page. The app shell fills it with its client parts (event switcher,
 * search, the phone's navigation dialog); the booth, a Pages Router page, with plain links and a
 * menu that needs no script (docs/ARCHITECTURE.md "Why two Pages Router pages").
 */
export function AppFrame({ pathname, link, overlays, banner, bar, children }: {
  pathname: string;
  link: NavLink;
  /** Rendered after the sidebar: what floats over the page (the phone's navigation dialog). */
  overlays?: ReactNode;
  /** A notice above the top bar (the demo-mode banner). */
  banner?: ReactNode;
  /** The top bar's contents. */
  bar: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="min-h-dvh lg:pl-60">
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-60 flex-col gap-6 bg-sidebar py-5 lg:flex">
        <Brand link={link} />
        <MainNav pathname={pathname} link={link} />
      </aside>
      {overlays}
      {banner}
      <header className="sticky top-0 z-20 flex h-14 items-center gap-2 border-b bg-card/90 px-3 backdrop-blur sm:px-6">{bar}</header>
      <main id="main" className="mx-auto w-full max-w-7xl px-3 py-6 sm:px-6">{children}</main>
    </div>
  );
}
