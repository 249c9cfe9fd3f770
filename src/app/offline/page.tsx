import type { Metadata } from "next";
import Link from "next/link";
import { WifiOff } from "lucide-react";

export const metadata: Metadata = { title: "Offline" };

/** Shown by the service worker for any page opened without a connection (the booth works offline). */
export default function OfflinePage() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <WifiOff className="size-10 text-muted-foreground" aria-hidden />
      <h1 className="text-2xl font-semibold tracking-tight">You&apos;re offline</h1>
      <p className="text-muted-foreground">
        This page needs a connection. The booth works without one: your agenda, captures and meeting notes are saved on this phone and sync when
        you&apos;re back online.
      </p>
      <Link href="/dashboard/booth" className="inline-flex h-12 items-center rounded-md bg-primary px-6 font-medium text-primary-foreground">
        Open the booth
      </Link>
    </main>
  );
}
