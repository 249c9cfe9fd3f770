/**
 * Sends the phone's queue to POST /api/booth/sync, oldest first, in batches (at most 50
 * operations and about 3 MB, so card photos do not make one request too large for the venue's
 * Wi-Fi or the server's body limit). What happens to an item:
 *   - the server applied it (or had already: a repeat of a key) → synced;
 *   - the server refused it (a 4xx for that operation) → needs attention, with the server's words;
 *   - the request did not get through (offline, timeout, 5xx, 429, signed out) → stays saved and is
 *     tried again on the next trigger; nothing is lost and, thanks to the keys, nothing is doubled.
 * Only one tab syncs at a time (Web Locks where the browser has them).
 */
import { boothOperation, type BoothOperationResult } from "@/lib/booth/schemas";
import { listOutbox, updateItems, type OutboxItem } from "@/lib/booth/offline-store";

export const SYNC_BATCH_OPERATIONS = 50;
const SYNC_BATCH_BYTES = 3_000_000;
const REQUEST_TIMEOUT_MS = 30_000;

export type SyncReport = {
  sent: number;
  synced: number;
  attention: number;
  /** Why the rest is still waiting, in a sentence for the rep; null when nothing is left. */
  waiting: string | null;
};

export async function syncOutbox(userId: string): Promise<SyncReport> {
  const run = () => syncOnce(userId);
  if (typeof navigator !== "undefined" && navigator.locks) return navigator.locks.request(`eventops-booth-sync:${userId}`, run);
  return run();
}

async function syncOnce(userId: string): Promise<SyncReport> {
  const report: SyncReport = { sent: 0, synced: 0, attention: 0, waiting: null };
  // "syncing" left behind by a closed tab is just "saved": the key makes a resend harmless.
  const pending = (await listOutbox(userId)).filter((i) => i.state === "saved" || i.state === "syncing");
  for (const batch of batches(pending)) {
    const outcome = await sendBatch(batch);
    report.sent += batch.length;
    report.synced += outcome.synced;
    report.attention += outcome.attention;
    if (outcome.waiting) {
      report.waiting = outcome.waiting;
      break;
    }
  }
  return report;
}

function batches(items: OutboxItem[]): OutboxItem[][] {
  const out: OutboxItem[][] = [];
  let current: OutboxItem[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = JSON.stringify(item.operation).length;
    if (current.length > 0 && (current.length >= SYNC_BATCH_OPERATIONS || bytes + size > SYNC_BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) out.push(current);
  return out;
}

type BatchOutcome = { synced: number; attention: number; waiting: string | null };

async function sendBatch(batch: OutboxItem[]): Promise<BatchOutcome> {
  await updateItems(batch.map((i) => ({ key: i.key, patch: { state: "syncing", attempts: i.attempts + 1 } })));
  const back = () => updateItems(batch.map((i) => ({ key: i.key, patch: { state: "saved" } })));
  let response: Response;
  try {
    response = await fetch("/api/booth/sync", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ operations: batch.map((i) => i.operation) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    await back();
    return { synced: 0, attention: 0, waiting: "No connection — everything stays on this phone and syncs when you're back online." };
  }
  if (response.status === 401) {
    await back();
    return { synced: 0, attention: 0, waiting: "Your session ended — sign in again to sync. Everything stays on this phone until then." };
  }
  if (response.status === 422 && batch.length > 1) {
    // One operation the server's schema refuses (an app update in between?): send them one by one
    // so only that one needs attention.
    await back();
    const outcomes = [];
    for (const item of batch) outcomes.push(await sendBatch([{ ...item, attempts: item.attempts + 1 }]));
    return outcomes.reduce((a, b) => ({ synced: a.synced + b.synced, attention: a.attention + b.attention, waiting: a.waiting ?? b.waiting }));
  }
  const payload = (await response.json().catch(() => null)) as { success?: boolean; data?: { results: BoothOperationResult[] }; error?: string } | null;
  if (response.status === 422) {
    await updateItems([{ key: batch[0].key, patch: { state: "attention", message: payload?.error ?? "The server could not read this item." } }]);
    return { synced: 0, attention: 1, waiting: null };
  }
  if (!response.ok || !payload?.success || !payload.data) {
    await back();
    const why = response.status === 429 ? "The server asked us to slow down" : `The server answered ${response.status}`;
    return { synced: 0, attention: 0, waiting: `${why} — everything stays on this phone and is tried again shortly.` };
  }
  const results = new Map(payload.data.results.map((r) => [r.key, r]));
  const now = new Date().toISOString();
  let synced = 0;
  let attention = 0;
  await updateItems(
    batch.map((item) => {
      const result = results.get(item.key);
      if (result?.ok) {
        synced++;
        return { key: item.key, patch: { state: "synced" as const, syncedAt: now, message: describeResult(item, result.data) } };
      }
      attention++;
      return { key: item.key, patch: { state: "attention" as const, message: result && !result.ok ? result.error : "The server did not answer for this item." } };
    }),
  );
  return { synced, attention, waiting: null };
}

type CaptureData = { personName: string; accountName: string | null; created: { person: boolean; account: boolean }; matched: { person: string | null; account: string | null } };

/** What the server did, as the rep reads it next to the item. */
export function describeResult(item: Pick<OutboxItem, "operation">, data: unknown): string {
  if (item.operation.kind !== "capture") return "Synced";
  const r = data as CaptureData | null;
  if (!r?.personName) return "Synced";
  const who = r.created.person ? `Added ${r.personName}` : `Updated ${r.personName} (already in the list)`;
  if (!r.accountName) return `${who}.`;
  if (r.created.account) return `${who} at ${r.accountName} — a new account.`;
  const how = r.matched.account === "domain" ? "same email domain" : r.matched.account === "name" ? "same company name" : "existing contact";
  return `${who} at ${r.accountName} (matched: ${how}).`;
}

/** Validates an operation exactly as the server will, before it is stored on the phone. */
export function checkOperation(operation: unknown) {
  return boothOperation.safeParse(operation);
}
