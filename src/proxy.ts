import { NextResponse, type NextRequest } from "next/server";
import { unreadableUrlReason } from "@/lib/storable-text";
import { env } from "@/server/env";
import { createNonce, pageContentSecurityPolicy } from "@/server/http/csp";

// Next.js 16 Proxy. Pages: a fresh CSP nonce for every page. The policy goes on the request
// (Next.js reads the nonce from it while rendering and puts it on its scripts) and on the
// response (the browser enforces it). API routes get their headers from next.config.ts; the
// proxy only turns away an address Next.js could not decode for them (and only sees API
// addresses with a "%" in the path: see the matcher).
export function proxy(request: NextRequest) {
  const unreadable = unreadableUrlReason(request.nextUrl);
  if (request.nextUrl.pathname.startsWith("/api/")) {
    // NUL in an API query or path is refused by the route wrapper with a field-level 422; only
    // undecodable percent-encoding is answered here, because Next.js answers it with a 500
    // before the route runs (vercel/next.js#92527).
    if (unreadable === "undecodable_path") {
      return NextResponse.json({ success: false, error: "The address has broken percent-encoding (not UTF-8); check the link", code: "bad_request" }, { status: 400 });
    }
    return NextResponse.next();
  }
  const config = env();
  const policy = pageContentSecurityPolicy(createNonce(), { development: config.NODE_ENV === "development", vercel: Boolean(config.VERCEL) });
  // A page address no link of ours produces (a NUL, broken percent-encoding) gets a 400 page
  // here, once for every page, instead of a database error or Next.js's own 500 mid-render.
  if (unreadable) return unreadableAddressPage(policy);
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

function unreadableAddressPage(policy: string): NextResponse {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Broken link · EventOps</title></head><body><main><h1>This link is broken</h1><p>The address holds characters that cannot be part of a link (a NUL character or broken encoding), so nothing was opened. Check where the link came from, or go to <a href="/dashboard">the dashboard</a>.</p></main></body></html>`;
  return new NextResponse(html, { status: 400, headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": policy } });
}

// Every page, but only those API addresses with percent-encoding in their path: the proxy is
// all an API request needs it for, and running it on every API call halved the requests per
// second a route that does nothing can serve (docs/PERFORMANCE.md, round 6). Next.js tests the
// matchers on the raw path (so "%" is there even when it cannot be decoded) and the decoded one.
export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt|sitemap.xml).*)", "/api/(.*%.*)"],
};
