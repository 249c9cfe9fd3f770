"use client";
import { useCallback, useEffect, useMemo, useSyncExternalStore } from "react";

/**
 * Work in progress kept in the browser (localStorage) so a reload, a closed tab or a dropped
 * dialog does not lose it: the composer and the message editor autosave here while the rep
 * types, and offer the text back next time. Cleared when the work is saved on the server.
 */
const PREFIX = "eventops:draft:";

export type LocalDraft<T> = { value: T; savedAt: string };

export function readLocalDraft<T>(key: string): LocalDraft<T> | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalDraft<T>;
    return parsed && typeof parsed === "object" && "value" in parsed ? parsed : null;
  } catch {
    return null;
  }
}

export function clearLocalDraft(key: string) {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    // Storage unavailable (private mode): nothing was kept.
  }
}

/** Saves `value` under `key` whenever it changes while `dirty` (small text: no need to debounce); returns `clear`. */
export function useAutosave<T>(key: string | null, value: T, dirty: boolean) {
  useEffect(() => {
    if (!key || !dirty) return;
    try {
      window.localStorage.setItem(PREFIX + key, JSON.stringify({ value, savedAt: new Date().toISOString() } satisfies LocalDraft<T>));
    } catch {
      // Full or unavailable storage: autosave is a convenience, the editor still works.
    }
  }, [key, value, dirty]);
  return useCallback(() => {
    if (key) clearLocalDraft(key);
  }, [key]);
}

const noSubscription = () => () => undefined;

/**
 * The draft kept under `key`, for components the server also renders: nothing on the server and
 * during hydration, the stored draft once the browser has taken over (no hydration mismatch).
 */
export function useStoredDraft<T>(key: string | null): LocalDraft<T> | null {
  const raw = useSyncExternalStore(
    noSubscription,
    () => {
      if (!key) return null;
      try {
        return window.localStorage.getItem(PREFIX + key);
      } catch {
        return null;
      }
    },
    () => null,
  );
  return useMemo(() => {
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as LocalDraft<T>;
      return parsed && typeof parsed === "object" && "value" in parsed ? parsed : null;
    } catch {
      return null;
    }
  }, [raw]);
}
