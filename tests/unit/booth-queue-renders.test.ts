// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useBoothQueue } from "@/components/booth/use-booth-queue";
import { enqueue } from "@/lib/booth/offline-store";

// The booth re-renders its whole agenda (hundreds of cards on a busy day) whenever the queue hook's
// state changes. On a phone each such render is a long task, so an idle booth must not change
// state: not when it loads an empty queue, not on the 15-s retry tick, not when it comes back to
// the foreground or hears "online" with nothing to send. (Before the fix every re-read of the queue
// was new state and every sync flipped "syncing" on and off: long tasks 10–15 s after load.)

let user = 0;
let userId = "";
beforeEach(() => {
  userId = `rep-renders-${++user}`;
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

/** Testing Library's waitFor polls with setInterval, which these tests fake (the hook's 15-s tick). */
async function until(condition: () => boolean) {
  for (let i = 0; i < 100 && !condition(); i++) await settle();
  expect(condition()).toBe(true);
}

/** Everything that asks the hook to look at the queue again, none of which changes it. */
async function nudgeIdleBooth() {
  for (let tick = 0; tick < 4; tick++) {
    await act(async () => vi.advanceTimersByTime(15_000));
    await settle();
  }
  await act(async () => document.dispatchEvent(new Event("visibilitychange")));
  await act(async () => window.dispatchEvent(new Event("online")));
  await settle();
}

function renderQueue() {
  const counter = { renders: 0 };
  const view = renderHook(() => {
    counter.renders++;
    return useBoothQueue(userId, () => {});
  });
  return { ...view, counter };
}

describe("the booth queue hook on an idle booth", () => {
  it("renders twice for an empty queue (before and after reading it) and never again while nothing changes", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    const { result, counter } = renderQueue();
    await until(() => result.current.items?.length === 0);
    await settle();
    expect(counter.renders).toBe(2);
    const itemsShown = result.current.items;

    await nudgeIdleBooth();

    expect(counter.renders).toBe(2);
    expect(result.current.items).toBe(itemsShown);
    expect(result.current.syncing).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("once the queue has synced, stays still", async () => {
    await enqueue({ key: `${userId}-k1`, userId, eventId: "ev1", label: "Robin Vega", operation: { key: `${userId}-k1`, kind: "check_in", meetingId: "m1" } as never });
    const fetchMock = vi.fn(async (_url: string, init: { body: string }) => {
      const operations = (JSON.parse(init.body) as { operations: { key: string }[] }).operations;
      const results = operations.map((o) => ({ key: o.key, ok: true, data: { kind: "check_in", meetingId: "m1" } }));
      return new Response(JSON.stringify({ success: true, data: { results } }), { status: 200, headers: { "content-type": "application/json" } });
    });
    vi.stubGlobal("fetch", fetchMock);
    const { result, counter } = renderQueue();
    await until(() => result.current.items?.[0]?.state === "synced" && !result.current.syncing);
    await settle();
    const rendersWhenSynced = counter.renders;
    const itemsShown = result.current.items;

    await nudgeIdleBooth();

    expect(counter.renders).toBe(rendersWhenSynced);
    expect(result.current.items).toBe(itemsShown);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe("the agenda with the phone's actions applied", () => {
  it("copies only the meetings an action touches, so the other cards keep their identity and are not re-rendered", async () => {
    const { applyQueuedActions } = await import("@/lib/booth/overlay");
    const meeting = (id: string) => ({ id, status: "SCHEDULED", checkedInAt: null, outcome: null, nextStep: null });
    const meetings = [meeting("m1"), meeting("m2"), meeting("m3")];
    const item = { key: "k1", userId: "u", eventId: "e", label: "m2", createdAt: "2026-12-28T10:00:00.000Z", state: "saved" as const, attempts: 0, operation: { key: "k1", kind: "check_in" as const, meetingId: "m2", at: "2026-12-28T10:00:00.000Z" } };
    const shown = applyQueuedActions(meetings, [item], "2026-12-28T09:00:00.000Z");
    expect(shown[0]).toBe(meetings[0]);
    expect(shown[2]).toBe(meetings[2]);
    expect(shown[1]).not.toBe(meetings[1]);
    expect(shown[1]).toMatchObject({ id: "m2", checkedInAt: "2026-12-28T10:00:00.000Z", queued: "saved" });
    expect(meetings[1]!.checkedInAt).toBeNull();
  });
});
