/**
 * Work a case leaves running for later cases (the shared `next start` server) registers its
 * teardown here; run.ts awaits every hook once after the last case, before the database stops,
 * whether the cases passed or failed. Hooks run newest first and a failing hook does not stop
 * the others.
 */
type Hook = () => Promise<void> | void;

const hooks: Hook[] = [];

export function onBenchCleanup(hook: Hook): void {
  hooks.push(hook);
}

export async function runBenchCleanups(log: (message: string) => void = () => {}): Promise<void> {
  for (const hook of hooks.splice(0).reverse()) {
    try {
      await hook();
    } catch (error) {
      log(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
