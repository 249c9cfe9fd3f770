import Link from "next/link";
import { SearchX } from "lucide-react";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="w-full max-w-md rounded-xl border bg-card p-8 text-center shadow-sm">
        <div className="mx-auto flex size-12 items-center justify-center rounded-full bg-muted"><SearchX className="size-6" aria-hidden /></div>
        <h1 className="mt-4 text-lg font-semibold">Page not found</h1>
        <p className="mt-1 text-sm text-muted-foreground">The page you asked for does not exist or was removed.</p>
        <Link href="/dashboard" className="mt-6 inline-block text-sm font-medium text-primary underline">Go to dashboard</Link>
      </div>
    </main>
  );
}
