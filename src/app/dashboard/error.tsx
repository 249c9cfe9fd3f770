"use client";
import { ErrorPanel } from "@/app/error";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex justify-center py-16">
      <ErrorPanel error={error} reset={reset} />
    </div>
  );
}
