/**
 * Which opens and clicks a person made, and which a machine made. Machine events are stored
 * (EmailEvent.isMachine) but never counted as engagement:
 * - opens through Apple Mail Privacy Protection (Apple's proxy fetches every image with a bare
 *   "Mozilla/5.0" user agent) and through the Google and Yahoo image proxies;
 * - any open or click within MACHINE_WINDOW_MS of delivery: no person reads that fast, but
 *   security scanners and pre-fetchers do;
 * - clicks from link scanners and HTTP libraries recognisable by their user agent.
 */
const MACHINE_WINDOW_MS = 10_000;

const PROXY_OPEN_AGENTS = [/GoogleImageProxy/i, /YahooMailProxy/i, /via ggpht\.com/i, /Yahoo! Slurp/i];
const SCANNER_AGENTS = [
  /bot\b|crawler|spider/i, /Barracuda/i, /Mimecast/i, /Proofpoint/i, /Symantec/i, /Trend ?Micro/i, /Microsoft Office Protection/i,
  /SafeLinks/i, /python-requests|python-urllib|aiohttp/i, /^curl\//i, /^Wget/i, /Go-http-client/i, /HeadlessChrome/i, /node-fetch|undici/i,
];

/** Apple MPP fetches with exactly this agent (no engine or platform details). */
function isApplePrivacyProxy(userAgent: string): boolean {
  return userAgent.trim() === "Mozilla/5.0";
}

function tooSoon(occurredAt: Date, deliveredAt: Date | null | undefined): boolean {
  if (!deliveredAt) return false;
  const delta = occurredAt.getTime() - deliveredAt.getTime();
  return delta >= 0 && delta < MACHINE_WINDOW_MS;
}

export function isMachineOpen(input: { userAgent: string | null | undefined; occurredAt: Date; deliveredAt: Date | null | undefined }): boolean {
  const ua = input.userAgent ?? "";
  if (ua.trim() === "") return true;
  if (isApplePrivacyProxy(ua) || PROXY_OPEN_AGENTS.some((re) => re.test(ua))) return true;
  if (SCANNER_AGENTS.some((re) => re.test(ua))) return true;
  return tooSoon(input.occurredAt, input.deliveredAt);
}

export function isMachineClick(input: { userAgent: string | null | undefined; occurredAt: Date; deliveredAt: Date | null | undefined }): boolean {
  const ua = input.userAgent ?? "";
  if (ua.trim() === "") return true;
  if (SCANNER_AGENTS.some((re) => re.test(ua))) return true;
  return tooSoon(input.occurredAt, input.deliveredAt);
}
