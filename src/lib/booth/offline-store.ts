/**
 * The booth phone's own storage (IndexedDB through `idb`): the queue of writes made at the booth
 * and the last agenda snapshot. IndexedDB survives a reload, a closed tab and a phone that ran
 * out of battery, so nothing captured waits in memory only: an item is stored before the rep
 * sees "Saved on phone", and leaves the queue only when the rep removes it.
 *
 * Every record carries the user id and every read filters by it, so a shared phone never shows
 * (or syncs) one rep's queue under another rep's session.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { BoothOperationInput } from "@/lib/booth/schemas";

/** saved: on the phone only · syncing: being sent · synced: the server has it · attention: refused, the rep decides. */
export type OutboxState = "saved" | "syncing" | "synced" | "attention";

export type OutboxItem = {
  key: string;
  userId: string;
  eventId: string;
  operation: BoothOperationInput;
  /** What the rep reads in the list: "Robin Vega · Dockside Freight". */
  label: string;
  createdAt: string;
  state: OutboxState;
  attempts: number;
  /** Why the server refused it (attention), or what it did (synced). */
  message?: string;
  syncedAt?: string;
};

export type StoredAgenda<T> = { id: string; userId: string; eventId: string; fetchedAt: string; receivedAt: string; snapshot: T };

interface BoothDb extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { byUser: [string, string] } };
  agenda: { key: string; value: StoredAgenda<unknown> };
}

const BOOTH_DB_NAME = "eventops-booth";
const CHANNEL = "eventops-booth-outbox";
const SYNCED_KEPT_MS = 3 * 86_400_000;

let dbPromise: Promise<IDBPDatabase<BoothDb>> | null = null;

function db() {
  dbPromise ??= openDB<BoothDb>(BOOTH_DB_NAME, 1, {
    upgrade(database) {
      const outbox = database.createObjectStore("outbox", { keyPath: "key" });
      outbox.createIndex("byUser", ["userId", "createdAt"]);
      database.createObjectStore("agenda", { keyPath: "id" });
    },
  });
  return dbPromise;
}

/** Other tabs (and this one) hear about every change, so two open booth tabs show the same queue. */
function announce() {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage("changed");
  channel.close();
}

export function onOutboxChange(listener: () => void): () => void {
  if (typeof BroadcastChannel === "undefined") return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}

export async function enqueue(item: Omit<OutboxItem, "state" | "attempts" | "createdAt"> & { createdAt?: string }): Promise<OutboxItem> {
  const stored: OutboxItem = { ...item, createdAt: item.createdAt ?? new Date().toISOString(), state: "saved", attempts: 0 };
  await (await db()).put("outbox", stored);
  announce();
  return stored;
}

/** The user's queue, oldest first; synced items older than a few days are dropped on the way. */
export async function listOutbox(userId: string): Promise<OutboxItem[]> {
  const database = await db();
  const items = await database.getAllFromIndex("outbox", "byUser", IDBKeyRange.bound([userId, ""], [userId, "\uffff"]));
  const cutoff = Date.now() - SYNCED_KEPT_MS;
  const stale = items.filter((i) => i.state === "synced" && i.syncedAt && Date.parse(i.syncedAt) < cutoff);
  if (stale.length) {
    const tx = database.transaction("outbox", "readwrite");
    await Promise.all([...stale.map((i) => tx.store.delete(i.key)), tx.done]);
  }
  return items.filter((i) => !stale.includes(i));
}

/**
 * Whether two reads of the queue say the same thing to the rep. Every read of IndexedDB returns
 * new objects; handing an unchanged queue to React as new state re-renders the whole booth.
 */
export function sameOutbox(a: readonly OutboxItem[] | null, b: readonly OutboxItem[]): boolean {
  if (!a || a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    return x.key === y.key && x.state === y.state && x.attempts === y.attempts && x.message === y.message && x.syncedAt === y.syncedAt && x.label === y.label;
  });
}

export async function updateItems(changes: { key: string; patch: Partial<OutboxItem> }[]): Promise<void> {
  if (changes.length === 0) return;
  const database = await db();
  const tx = database.transaction("outbox", "readwrite");
  for (const { key, patch } of changes) {
    const current = await tx.store.get(key);
    if (current) await tx.store.put({ ...current, ...patch });
  }
  await tx.done;
  announce();
}

export async function removeItem(key: string): Promise<void> {
  await (await db()).delete("outbox", key);
  announce();
}

/** The snapshot this phone stored last for the rep and event, if any. */
export async function storedAgenda<T>(userId: string, eventId: string): Promise<StoredAgenda<T> | undefined> {
  return (await (await db()).get("agenda", `${userId}:${eventId}`)) as StoredAgenda<T> | undefined;
}

/** Keeps the newer of the stored and the given snapshot (by the server's fetchedAt) and returns it. */
export async function keepNewestAgenda<T>(userId: string, eventId: string, fetchedAt: string, snapshot: T): Promise<StoredAgenda<T>> {
  const database = await db();
  const id = `${userId}:${eventId}`;
  const stored = (await database.get("agenda", id)) as StoredAgenda<T> | undefined;
  if (stored && stored.fetchedAt >= fetchedAt) return stored;
  const fresh: StoredAgenda<T> = { id, userId, eventId, fetchedAt, receivedAt: new Date().toISOString(), snapshot };
  await database.put("agenda", fresh as StoredAgenda<unknown>);
  return fresh;
}
