// @vitest-environment happy-dom
import { createElement } from "react";
import ReactDOMClient from "react-dom/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { hydrateInTransition } from "@/lib/pages-router/hydrate-in-transition";

// The Pages Router's hydrateRoot call, moved into a transition (src/lib/pages-router): React must
// then hydrate in slices, letting other tasks run in between, where a plain hydrateRoot hydrates
// the whole page in one task. Each item below keeps the thread busy for 2 ms, so the 40 ms page is
// longer than React's 5-ms slice; a task queued right after hydration starts tells how many items
// had been hydrated when it ran.
const ITEMS = 20;
let hydrated = 0;

function Slow({ n }: { n: number }) {
  const until = performance.now() + 2;
  while (performance.now() < until) {
    // busy: a component that costs 2 ms to render
  }
  if (typeof window !== "undefined") hydrated++;
  return createElement("li", null, `item ${n}`);
}
const page = () => createElement("ul", null, Array.from({ length: ITEMS }, (_, n) => createElement(Slow, { key: n, n })));

async function hydratedWhenAnotherTaskRuns(hydrateRoot: typeof ReactDOMClient.hydrateRoot) {
  const container = document.createElement("div");
  container.innerHTML = renderToString(page());
  document.body.appendChild(container);
  hydrated = 0;
  const root = hydrateRoot(container, page());
  // React schedules the root in a microtask, whose scheduler task is a setImmediate in this
  // environment: a setImmediate queued from a later microtask runs right after React's first task.
  const seen = await new Promise<number>((resolve) => queueMicrotask(() => setImmediate(() => resolve(hydrated))));
  await new Promise<void>((resolve) => {
    const check = () => (hydrated >= ITEMS ? resolve() : setTimeout(check, 5));
    check();
  });
  root.unmount();
  container.remove();
  return seen;
}

describe("hydration in a transition (the Pages Router's booth and booking page)", () => {
  it("hydrates in slices, where a plain hydrateRoot blocks until the whole page is hydrated", async () => {
    const plain = ReactDOMClient.hydrateRoot;
    expect(await hydratedWhenAnotherTaskRuns(plain)).toBe(ITEMS);

    hydrateInTransition();
    expect(ReactDOMClient.hydrateRoot).not.toBe(plain);
    const sliced = await hydratedWhenAnotherTaskRuns(ReactDOMClient.hydrateRoot);
    expect(sliced).toBeGreaterThan(0);
    expect(sliced).toBeLessThan(ITEMS);

    // Called again (a second import), it does not wrap twice.
    const wrapped = ReactDOMClient.hydrateRoot;
    hydrateInTransition();
    expect(ReactDOMClient.hydrateRoot).toBe(wrapped);
  });
});
