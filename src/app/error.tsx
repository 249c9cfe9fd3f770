"use client";
import { useEffect } from "react";
import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { MessageCard, MessagePage } from "@/components/ui/message-card";

type BoundaryProps = { error: Error & { digest?: string }; reset: () => void };

export default function RootError({ error, reset }: BoundaryProps) {
  return (
    <MessagePage>
      <ErrorPanel error={error} reset={reset} />
    </MessagePage>
  );
}

/** What an error boundary shows (the root's and the dashboard's); it logs the error to the browser console once. */
export function ErrorPanel({ error, reset }: BoundaryProps) {
  useEffect(() => console.error(error), [error]);
  const digest = error.digest;
  return (
    <MessageCard icon={AlertTriangle} tone="destructive" role="alert">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="mt-1 text-sm text-muted-foreground">The page could not be shown. Your data is safe; try again.</p>
      {digest ? <p className="mt-2 font-mono text-xs text-muted-foreground">Reference: {digest}</p> : null}
      <div className="mt-6 flex justify-center gap-2">
        <Button onClick={reset}>Try again</Button>
        <Button variant="outline" asChild>
          <a href="/dashboard">Go to dashboard</a>
        </Button>
      </div>
    </MessageCard>
  );
}
