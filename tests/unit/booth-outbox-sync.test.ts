import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { enqueue, listOutbox } from "@/lib/booth/offline-store";
import { describeResult, syncOutbox, SYNC_BATCH_OPERATIONS } from "@/lib/booth/sync";
import { applyQueuedActions } from "@/lib/booth/overlay";

// The booth phone's queue and its sync, in Node: IndexedDB is the in-memory fake-indexeddb (the
// real browser path is covered by tests/e2e/booth.spec.ts), fetch answers like /api/booth/sync.
let user = 0;
let userId = "";
beforeEach(() => {
  userId = `rep-${++user}`;
});
afterEach(() => vi.unstubAllGlobals());

async function queue(n: number) {
  for (let i = 0; i < n; i++) {
    await enqueue({ key: `${userId}-k${i}`, userId, eventId: "ev1", label: `Meeting ${i}`, operation: { key: `${userId}-k${i}`, kind: "check_in", meetingId: `m${i}` } as never, createdAt: new Date(Date.now() + i).toISOString() });
  }
}

function answer(status: number, body: unknown) {
  return vi.fn(async (_url: string, init: { body: string }) => {
    const ops = (JSON.parse(init.body) as { operations: { key: string }[] }).operations;
    const payload = typeof body === "function" ? (body as (keys: string[]) => unknown)(ops.map((o) => o.key)) : body;
    return new Response(JSON.stringify(payload), { status, headers: { "content-type": "application/json" } });
  });
}

describe("the booth outbox", () => {
  it("keeps what was queued, oldest first, until the server takes it; then marks it synced", async () => {
    await queue(3);
    expect((await listOutbox(userId)).map((i) => [i.label, i.state])).toEqual([["Meeting 0", "saved"], ["Meeting 1", "saved"], ["Meeting 2", "saved"]]);
    const fetch = answer(200, (keys: string[]) => ({ success: true, data: { results: keys.map((key) => ({ key, ok: true, replayed: false, data: null })) } }));
    vi.stubGlobal("fetch", fetch);
    expect(await syncOutbox(userId)).toEqual({ sent: 3, synced: 3, attention: 0, waiting: null });
    expect((await listOutbox(userId)).map((i) => i.state)).toEqual(["synced", "synced", "synced"]);
    expect(fetch).toHaveBeenCalledTimes(1);
    // Nothing left to send.
    expect(await syncOutbox(userId)).toEqual({ sent: 0, synced: 0, attention: 0, waiting: null });
  });

  it("sends at most SYNC_BATCH_OPERATIONS per request", async () => {
    await queue(SYNC_BATCH_OPERATIONS + 5);
    const fetch = answer(200, (keys: string[]) => ({ success: true, data: { results: keys.map((key) => ({ key, ok: true, replayed: false, data: null })) } }));
    vi.stubGlobal("fetch", fetch);
    expect((await syncOutbox(userId)).synced).toBe(SYNC_BATCH_OPERATIONS + 5);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("offline, signed out or slowed down: everything stays on the phone as saved, with a sentence", async () => {
    await queue(2);
    vi.stubGlobal("fetch", vi.fn(async () => { throw new TypeError("Failed to fetch"); }));
    expect((await syncOutbox(userId)).waiting).toMatch(/No connection — everything stays on this phone/);
    vi.stubGlobal("fetch", answer(401, { success: false, error: "Sign in" }));
    expect((await syncOutbox(userId)).waiting).toMatch(/Your session ended/);
    vi.stubGlobal("fetch", answer(429, { success: false, error: "Slow down" }));
    expect((await syncOutbox(userId)).waiting).toMatch(/The server asked us to slow down/);
    const items = await listOutbox(userId);
    expect(items.map((i) => i.state)).toEqual(["saved", "saved"]);
    expect(items.map((i) => i.attempts)).toEqual([3, 3]);
  });

  it("a refused item needs attention with the server's reason; a batch the schema refuses is retried one by one", async () => {
    await queue(2);
    vi.stubGlobal("fetch", answer(200, (keys: string[]) => ({ success: true, data: { results: [{ key: keys[0], ok: true, replayed: true, data: null }, { key: keys[1], ok: false, status: 403, code: "forbidden", error: "Only Maya Chen or an admin can complete this meeting." }] } })));
    expect(await syncOutbox(userId)).toEqual({ sent: 2, synced: 1, attention: 1, waiting: null });
    expect((await listOutbox(userId)).map((i) => [i.state, i.message])).toEqual([["synced", "Synced"], ["attention", "Only Maya Chen or an admin can complete this meeting."]]);

    userId = `${userId}-b`;
    await queue(2);
    let calls = 0;
    vi.stubGlobal("fetch", vi.fn(async (_url: string, init: { body: string }) => {
      calls++;
      const ops = (JSON.parse(init.body) as { operations: { key: string }[] }).operations;
      if (ops.length > 1 || ops[0].key.endsWith("k1")) return new Response(JSON.stringify({ success: false, error: "The meeting id is not valid" }), { status: 422 });
      return new Response(JSON.stringify({ success: true, data: { results: [{ key: ops[0].key, ok: true, replayed: false, data: null }] } }), { status: 200 });
    }));
    expect(await syncOutbox(userId)).toEqual({ sent: 2, synced: 1, attention: 1, waiting: null });
    expect(calls).toBe(3);
    expect((await listOutbox(userId)).map((i) => [i.state, i.message ?? null])).toEqual([["synced", "Synced"], ["attention", "The meeting id is not valid"]]);
  });

  it("says what the server did with a capture", () => {
    const capture = { operation: { kind: "capture" } } as never;
    expect(describeResult(capture, { personName: "Robin Vega", accountName: null, created: { person: true, account: false }, matched: { person: null, account: null } })).toBe("Added Robin Vega.");
    expect(describeResult(capture, { personName: "Robin Vega", accountName: "Dockside", created: { person: false, account: true }, matched: { person: "email", account: null } })).toBe("Updated Robin Vega (already in the list) at Dockside — a new account.");
    expect(describeResult(capture, { personName: "Robin Vega", accountName: "Dockside", created: { person: true, account: false }, matched: { person: null, account: "domain" } })).toBe("Added Robin Vega at Dockside (matched: same email domain).");
    expect(describeResult({ operation: { kind: "check_in" } } as never, null)).toBe("Synced");
  });

  it("shows the agenda with the phone's queued meeting actions applied over the last snapshot", async () => {
    await enqueue({ key: `${userId}-ci`, userId, eventId: "ev1", label: "Check in", operation: { key: `${userId}-ci`, kind: "check_in", meetingId: "m1", at: "2026-03-04T15:00:00.000Z" } as never });
    const items = await listOutbox(userId);
    const meetings = [
      { id: "m1", status: "SCHEDULED", checkedInAt: null, outcome: null, nextStep: null },
      { id: "m2", status: "SCHEDULED", checkedInAt: null, outcome: null, nextStep: null },
    ];
    const shown = applyQueuedActions(meetings, items, "2026-03-04T14:00:00.000Z");
    expect(shown[0].checkedInAt).not.toBeNull();
    expect(shown[0].queued).toBe("saved");
    expect(shown[1]).toEqual(meetings[1]);
  });
});
