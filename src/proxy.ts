import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/server/env";
import { createNonce, pageContentSecurityPolicy } from "@/server/http/csp";

// Next.js 16 Proxy: a fresh CSP nonce for every page. The policy goes on the request (Next.js
// reads the nonce from it while rendering and puts it on its scripts) and on the response (the
// browser enforces it). API routes and static files get their headers from next.config.ts.
export function proxy(request: NextRequest) {
  const config = env();
  const policy = pageContentSecurityPolicy(createNonce(), { development: config.NODE_ENV === "development", vercel: Boolean(config.VERCEL) });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt|sitemap.xml).*)"],
};
