"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useConfirm } from "@/components/ui/confirm-dialog";

/**
 * Asks before unsaved work is left behind: closing or reloading the tab (the browser's own
 * prompt — the only one it allows there) and following a link inside the app (our dialog). Render
 * the returned element; pass `dirty` while there are changes not yet saved.
 */
export function useLeaveGuard(dirty: boolean, what = "your changes") {
  const router = useRouter();
  const [dialog, ask] = useConfirm();

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.search === window.location.search)) return;
      event.preventDefault();
      event.stopPropagation();
      ask(
        { title: "Leave without saving?", description: `You have not saved ${what}. If you leave now they are lost.`, confirmLabel: "Leave without saving", cancelLabel: "Stay", destructive: true },
        async () => {
          window.removeEventListener("beforeunload", onBeforeUnload);
          router.push(`${url.pathname}${url.search}${url.hash}`);
          return null;
        },
      );
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty, what, ask, router]);

  return dialog;
}
