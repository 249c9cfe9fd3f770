"use client";
import { useCallback, useEffect, useState, type ComponentProps, type KeyboardEvent, type PointerEvent } from "react";

/**
 * A menu whose code (Radix's menu, popper and focus parts) loads on the first sign that someone
 * wants it, not with the page: the shell's menus are on every page and most page views never
 * open them, while a phone pays for every script it parses before the page answers a tap.
 *
 * `useDeferredMenu(load)` answers the loaded module (null until then), whether the menu should
 * open as it mounts, and the props for a plain stand-in trigger that looks like the real one.
 * A mouse over the stand-in starts loading (the menu is usually there before the click); a press
 * (pointer down, Enter, Space, arrow down — what opens a Radix menu) loads it and opens it as
 * soon as it arrives, so the first tap always opens the menu.
 */
export function useDeferredMenu<T>(load: () => Promise<T>): {
  module: T | null;
  openOnMount: boolean;
  standInProps: Pick<ComponentProps<"button">, "onPointerEnter" | "onPointerDown" | "onKeyDown"> & { type: "button"; "aria-haspopup": "menu"; "aria-expanded": false };
} {
  const [module, setModule] = useState<T | null>(null);
  const [loading, setLoading] = useState(false);
  const [openOnMount, setOpenOnMount] = useState(false);
  const start = useCallback(() => {
    if (loading) return;
    setLoading(true);
    load().then(setModule, () => setLoading(false));
  }, [load, loading]);
  const press = useCallback(() => {
    setOpenOnMount(true);
    start();
  }, [start]);
  // Escape pressed while the code is still on its way means "never mind": the menu must not
  // pop open afterwards on its own.
  const waitingToOpen = openOnMount && module === null;
  useEffect(() => {
    if (!waitingToOpen) return;
    const cancel = (event: globalThis.KeyboardEvent) => {
      if (event.key === "Escape") setOpenOnMount(false);
    };
    document.addEventListener("keydown", cancel);
    return () => document.removeEventListener("keydown", cancel);
  }, [waitingToOpen]);
  return {
    module,
    openOnMount,
    standInProps: {
      type: "button",
      "aria-haspopup": "menu",
      "aria-expanded": false,
      onPointerEnter: (event: PointerEvent<HTMLButtonElement>) => {
        if (event.pointerType === "mouse") start();
      },
      onPointerDown: (event: PointerEvent<HTMLButtonElement>) => {
        if (event.button === 0) press();
      },
      onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
        if (event.key === "Enter" || event.key === " " || event.key === "ArrowDown") {
          event.preventDefault();
          press();
        }
      },
    },
  };
}
