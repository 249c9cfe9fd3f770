/**
 * npx tsx scripts/bench/cpu-profile-summary.ts <file.cpuprofile> [top=25]
 *
 * Where a V8 CPU profile's time went: self time grouped by package (node_modules/<name>) or app
 * file, then the top functions. Used to profile `next start` under the http benchmark
 * (BENCH_CPU_PROFILE=<dir> npm run bench -- --only=http); the findings are in docs/PERFORMANCE.md.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: cpu-profile-summary.ts <file.cpuprofile> [top]");
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

function area(url: string, fn: string): string {
  if (!url) return fn === "(idle)" || fn === "(program)" || fn === "(garbage collector)" ? fn : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    // Next bundles app code and its own runtime into .next/server chunks.
    return pkg[1];
  }
  if (url.includes("/.next/server/")) return ".next/server (app bundle)";
  if (url.startsWith("node:")) return "node core";
  return url.replace(/^file:\/\/.*?\/(src|scripts)\//, "$1/");
}

const areas = new Map<string, number>();
const functions = new Map<string, number>();
let total = 0;
for (const [id, ms] of selfMs) {
  const node = byId.get(id);
  if (!node) continue;
  total += ms;
  const { functionName, url, lineNumber } = node.callFrame;
  const a = area(url, functionName);
  areas.set(a, (areas.get(a) ?? 0) + ms);
  const key = `${functionName || "(anonymous)"}  ${a}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + ms);
}
const busy = total - (areas.get("(idle)") ?? 0);
const pct = (ms: number) => `${((ms / busy) * 100).toFixed(1).padStart(5)}%`;
console.log(`profile: ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy (not idle)\n`);
console.log("self time by area (share of busy time)");
for (const [a, ms] of [...areas].filter(([a]) => a !== "(idle)").sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${pct(ms)}  ${(ms / 1000).toFixed(2).padStart(7)} s  ${a}`);
console.log("\ntop functions by self time");
for (const [f, ms] of [...functions].filter(([f]) => !f.startsWith("(idle)")).sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${pct(ms)}  ${f}`);
