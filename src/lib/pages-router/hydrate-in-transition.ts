import { startTransition } from "react";
import ReactDOMClient from "react-dom/client";

/**
 * The Pages Router hydrates its pages (the booth, the booking page) in a transition, as the App
 * Router does its own.
 *
 * Why: next/dist/client/index.js (`renderReactElement`) calls `hydrateRoot` outside a transition,
 * so React hydrates the whole page in one blocking task: ~440 ms of a phone's main thread for the
 * booth (docs/PERFORMANCE.md, issue 18). Called inside `startTransition`, React hydrates in
 * slices of a few milliseconds and lets the browser paint and take input between them. A tap on a
 * part not yet hydrated is not lost: React hydrates the page at once and then delivers it.
 *
 * How: Next reads `hydrateRoot` from react-dom/client's exports when it hydrates, after the app
 * and page modules ran, so replacing the export here (imported by src/pages/_app.tsx) puts its
 * call inside a transition. Next calls it once, for the first render; nothing else uses it.
 * There is no setting for this in Next.js 16; if a later version hydrates in a transition itself,
 * this is a no-op (a transition inside a transition).
 */
export function hydrateInTransition(): void {
  if (typeof window === "undefined") return;
  const client = ReactDOMClient as { hydrateRoot: typeof ReactDOMClient.hydrateRoot };
  const hydrateRoot = client.hydrateRoot;
  if ((hydrateRoot as { inTransition?: true }).inTransition) return;
  const wrapped: typeof hydrateRoot = (container, children, options) => {
    let root: ReturnType<typeof hydrateRoot> | undefined;
    startTransition(() => {
      root = hydrateRoot(container, children, options);
    });
    return root!;
  };
  (wrapped as { inTransition?: true }).inTransition = true;
  client.hydrateRoot = wrapped;
}
