"use client";
import { useEffect } from "react";
import { ErrorPanel } from "@/app/error";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <div className="flex justify-center py-16">
      <ErrorPanel digest={error.digest} reset={reset} />
    </div>
  );
}
