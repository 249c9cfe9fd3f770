import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { callRoute } from "./request";

/** Cookies from Set-Cookie headers, as a browser would keep them. */
export function cookieJar() {
  const jar = new Map<string, string>();
  return {
    take(headers: Headers) {
      for (const line of headers.getSetCookie()) {
        const [pair] = line.split(";");
        const eq = pair.indexOf("=");
        jar.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
    },
    get: (name: string) => jar.get(name),
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
  };
}

/**
 * POSTs straight to Auth.js's magic-link endpoint, as a script would (no form, no server
 * action): first the CSRF token, then `email` form-encoded (or any raw body).
 */
export async function requestMagicLink(email: string, options: { headers?: Record<string, string>; rawBody?: (csrf: string) => string; contentType?: string } = {}) {
  const jar = cookieJar();
  const csrf = await callRoute(GET, "/api/auth/csrf", { params: { nextauth: ["csrf"] }, headers: options.headers });
  jar.take(csrf.headers);
  const csrfToken = csrf.json.csrfToken as string;
  const body = options.rawBody ? options.rawBody(csrfToken) : new URLSearchParams({ email, csrfToken, callbackUrl: "/dashboard" }).toString();
  const res = await callRoute(POST, "/api/auth/signin/nodemailer", {
    method: "POST",
    params: { nextauth: ["signin", "nodemailer"] },
    cookie: jar.header(),
    rawBody: body,
    headers: { "content-type": options.contentType ?? "application/x-www-form-urlencoded", ...(options.headers ?? {}) },
  });
  return { res, jar };
}

export const MAGIC_LINK = /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/;

/** Follows a magic link (as the browser that asked for it) and returns the session cookie's token. */
export async function followMagicLink(link: string, jar: ReturnType<typeof cookieJar>) {
  const url = new URL(link);
  const callback = await callRoute(GET, `${url.pathname}${url.search}`, { params: { nextauth: ["callback", "nodemailer"] }, cookie: jar.header() });
  jar.take(callback.headers);
  return { callback, sessionToken: jar.get("authjs.session-token") };
}
