/**
 * Values that come from outside (a CSV, a heartbeat any signed-in client can send) and are
 * rendered as links are checked with these first; a value that fails is shown as text, never as
 * an href. So a `javascript:` URL or another site never becomes a link in EventOps.
 */

/** A page inside the app (presence shows where a teammate is): /dashboard and its sub-pages only. */
const APP_PATH = /^\/dashboard(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._~-]+)*$/;

export function isAppPath(value: string): boolean {
  return value.length <= 300 && APP_PATH.test(value);
}

/**
 * A LinkedIn profile or company page: https on linkedin.com or one of its subdomains, no
 * credentials or port. Returns the normalised https URL, or null for anything else. A bare
 * `linkedin.com/in/x` (as people paste it) gets https:// in front.
 */
export function linkedinProfileUrl(value: string | null | undefined): string | null {
  const text = (value ?? "").trim();
  if (!text || text.length > 500) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password || url.port) return null;
  if (url.hostname !== "linkedin.com" && !url.hostname.endsWith(".linkedin.com")) return null;
  if (url.pathname === "/" || url.pathname === "") return null;
  url.protocol = "https:";
  return url.toString();
}
