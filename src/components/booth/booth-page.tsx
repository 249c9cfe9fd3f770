import Head from "next/head";
import { useEffect, useRef } from "react";
import { Menu, Store } from "lucide-react";
import { AppFrame } from "@/components/shell/app-frame";
import { MainNav, PlainLink } from "@/components/shell/main-nav";
import { DemoModeBanner } from "@/components/shell/demo-mode-banner";
import { usePageEvent } from "@/components/shell/use-page-event";
import { EmptyState } from "@/components/ui/empty-state";
import { BoothApp, type BoothSnapshot } from "./booth-app";

export type BoothPageProps = {
  /** Null before the first event exists. */
  agenda: BoothSnapshot | null;
  cardReading: boolean;
  demoBanner: boolean;
};

const PATH = "/dashboard/booth";

/**
 * /dashboard/booth (src/pages/dashboard/booth.tsx): the booth app in its own light frame instead of
 * the app shell. The shell's event switcher, search, notifications and presence are client code the
 * phone would run before the booth could answer a tap; here the navigation is plain links (the
 * sidebar on a wide screen, a menu that needs no script on a phone), and everything else is the
 * booth. Switching events, searching and the rest are one tap away in the menu.
 */
export function BoothPage({ agenda, cardReading, demoBanner }: BoothPageProps) {
  usePageEvent(agenda?.event.id ?? null);
  const menu = useMenuThatCloses();
  return (
    <>
      <Head>
        <title>Booth · EventOps</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="manifest" href="/manifest.webmanifest" />
      </Head>
      <AppFrame
        pathname={PATH}
        link={PlainLink}
        banner={demoBanner ? <DemoModeBanner /> : null}
        bar={
          <>
            {/* A <details> menu: it opens and closes without any script, so it works before the page has hydrated. */}
            <details ref={menu} className="group lg:hidden">
              <summary className="flex cursor-pointer list-none items-center rounded-md p-2 hover:bg-muted [&::-webkit-details-marker]:hidden" aria-label="Open navigation">
                <Menu className="size-5" aria-hidden />
              </summary>
              <div className="absolute left-0 top-14 z-40 flex max-h-[calc(100dvh-3.5rem)] w-72 flex-col gap-4 overflow-y-auto rounded-br-lg bg-sidebar py-4 shadow-xl">
                <MainNav pathname={PATH} link={PlainLink} />
              </div>
            </details>
            <a href="/dashboard" className="text-base font-semibold tracking-tight lg:hidden">EventOps</a>
            {agenda ? <span className="ml-auto truncate text-sm text-muted-foreground">{agenda.event.name}</span> : null}
          </>
        }
      >
        {agenda ? (
          <BoothApp initial={agenda} cardReading={cardReading} />
        ) : (
          <EmptyState icon={Store} title="No event yet">An admin creates the event first; the booth view shows its meetings.</EmptyState>
        )}
      </AppFrame>
    </>
  );
}

/**
 * The phone menu is a <details>, so it opens before the page has hydrated. Once it has, a tap
 * outside the menu or Escape closes it too, as people expect of a menu (Escape hands focus back
 * to the menu button).
 */
function useMenuThatCloses() {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: PointerEvent | KeyboardEvent) => {
      const menu = ref.current;
      if (!menu?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        menu.open = false;
        menu.querySelector("summary")?.focus();
      } else if (!menu.contains(event.target as Node)) {
        menu.open = false;
      }
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  return ref;
}
