"use client";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { BoothOperationInput } from "@/lib/booth/schemas";
import { enqueue, listOutbox, onOutboxChange, removeItem, sameOutbox, updateItems, type OutboxItem } from "@/lib/booth/offline-store";

const RETRY_EVERY_MS = 15_000;
/** After a failed attempt while the browser says it is online: try again soon, then less often. */
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000];

const waitsToSync = (item: OutboxItem) => item.state === "saved" || item.state === "syncing";

function subscribeOnline(notify: () => void) {
  window.addEventListener("online", notify);
  window.addEventListener("offline", notify);
  return () => {
    window.removeEventListener("online", notify);
    window.removeEventListener("offline", notify);
  };
}

/**
 * The booth's queue as React state, and when it syncs: right after something is saved, the
 * moment the browser says the connection is back, when the app comes to the foreground, and every
 * 15 s while something waits (the "online" event does not fire for a captive portal that starts
 * letting traffic through). `onSynced` runs after anything reached the server.
 *
 * State changes only when the queue does: the booth re-renders its whole agenda on every change,
 * which on a phone is hundreds of milliseconds of main thread. So a re-read of an unchanged queue
 * keeps the same array, and a sync with nothing to send does not flip "syncing" on and off.
 */
export function useBoothQueue(userId: string, onSynced: () => void) {
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  const [syncing, setSyncing] = useState(false);
  const [waiting, setWaiting] = useState<string | null>(null);
  // Setting state to the value it already has still re-renders the booth once (React has to
  // render to find out), so an unchanged sentence is not set again.
  const waitingShown = useRef<string | null>(null);
  const showWaiting = useCallback((text: string | null) => {
    if (waitingShown.current === text) return;
    waitingShown.current = text;
    setWaiting(text);
  }, []);
  const running = useRef(false);
  const again = useRef(false);
  const failures = useRef(0);
  const retryTimer = useRef<number | undefined>(undefined);
  const onSyncedRef = useRef(onSynced);
  useEffect(() => {
    onSyncedRef.current = onSynced;
  }, [onSynced]);

  const refresh = useCallback(async () => {
    const stored = await listOutbox(userId);
    setItems((shown) => (sameOutbox(shown, stored) ? shown : stored));
  }, [userId]);

  const sync = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    let sent = false;
    try {
      do {
        again.current = false;
        if (!(await listOutbox(userId)).some(waitsToSync)) {
          failures.current = 0;
          showWaiting(null);
          continue;
        }
        if (!sent) setSyncing(true);
        sent = true;
        // Loaded only when something waits: the sync module brings zod and the booth's schemas.
        // Offline before the service worker stored it, it cannot load: the items stay saved.
        const syncModule = await import("@/lib/booth/sync").catch(() => null);
        if (!syncModule) {
          showWaiting("No connection — everything stays on this phone and syncs when you're back online.");
          continue;
        }
        const report = await syncModule.syncOutbox(userId);
        showWaiting(report.waiting);
        if (report.synced > 0) onSyncedRef.current();
        // The "online" event can fire a moment before requests get through (Wi-Fi still
        // associating, a captive portal): a failed attempt is retried within seconds, not at the
        // next 15-second tick.
        window.clearTimeout(retryTimer.current);
        if (report.waiting && navigator.onLine && failures.current < BACKOFF_MS.length) {
          retryTimer.current = window.setTimeout(() => void syncRef.current(), BACKOFF_MS[failures.current++]);
        } else if (!report.waiting) {
          failures.current = 0;
        }
      } while (again.current);
    } finally {
      running.current = false;
      if (sent) {
        setSyncing(false);
        await refresh();
      }
    }
  }, [userId, refresh, showWaiting]);
  const syncRef = useRef(sync);
  useEffect(() => {
    syncRef.current = sync;
  }, [sync]);

  useEffect(() => {
    void listOutbox(userId).then((stored) => {
      setItems((shown) => (sameOutbox(shown, stored) ? shown : stored));
      return sync();
    });
    const goOnline = () => {
      failures.current = 0;
      void sync();
    };
    const foreground = () => {
      if (document.visibilityState === "visible") void sync();
    };
    window.addEventListener("online", goOnline);
    document.addEventListener("visibilitychange", foreground);
    const stop = onOutboxChange(() => void refresh());
    const timer = window.setInterval(() => {
      if (!navigator.onLine || running.current) return;
      void listOutbox(userId).then((all) => {
        if (all.some(waitsToSync)) void sync();
      });
    }, RETRY_EVERY_MS);
    return () => {
      window.removeEventListener("online", goOnline);
      document.removeEventListener("visibilitychange", foreground);
      stop();
      window.clearInterval(timer);
      window.clearTimeout(retryTimer.current);
    };
  }, [userId, refresh, sync]);

  /** Stores the operation on the phone first; only then is it sent. */
  const add = useCallback(
    async (operation: BoothOperationInput, label: string, eventId: string) => {
      await enqueue({ key: operation.key, userId, eventId, operation, label });
      await refresh();
      if (navigator.onLine) void sync();
    },
    [userId, refresh, sync],
  );

  const retry = useCallback(
    async (key: string) => {
      await updateItems([{ key, patch: { state: "saved", message: undefined } }]);
      await refresh();
      void sync();
    },
    [refresh, sync],
  );

  const remove = useCallback(
    async (key: string) => {
      await removeItem(key);
      await refresh();
    },
    [refresh],
  );

  return { items, online, syncing, waiting, add, retry, remove, sync };
}
