import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { GeistMono, GeistSans } from "./fonts";
import { Analytics } from "@vercel/analytics/next";
import { env } from "@/server/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "EventOps", template: "%s · EventOps" },
  description: "Event intelligence for B2B sales teams: target, research, reach out, meet and measure.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#4f46e5" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: the Content-Security-Policy nonce (src/proxy.ts) that
  // Next.js puts on its scripts is new for each response, so nothing can be prerendered.
  await connection();
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh">
        {children}
        {/* Vercel Analytics only where its endpoint exists (off Vercel the script would 404). */}
        {env().VERCEL ? <Analytics /> : null}
      </body>
    </html>
  );
}
