import type { ReactNode } from "react";
import type { LucideIcon } from "lucide-react";
import { cn } from "@/lib/utils";

const TONES = {
  accent: "bg-accent text-accent-foreground",
  destructive: "bg-destructive/10 text-destructive",
  muted: "bg-muted",
} as const;

/** The card of a page that says one thing (check your email, unsubscribed, not found, an error): an icon in a circle, then a heading and a few lines. */
export function MessageCard({ icon: Icon, tone = "accent", role, children }: { icon: LucideIcon; tone?: keyof typeof TONES; role?: "alert"; children: ReactNode }) {
  return (
    <div role={role} className="w-full max-w-md rounded-xl border bg-card p-8 text-center shadow-sm">
      <div className={cn("mx-auto mb-4 flex size-12 items-center justify-center rounded-full", TONES[tone])}>
        <Icon className="size-6" aria-hidden />
      </div>
      {children}
    </div>
  );
}

/** A whole page holding one MessageCard, centred on the screen. */
export function MessagePage({ className, children }: { className?: string; children: ReactNode }) {
  return <main className={cn("flex min-h-dvh items-center justify-center px-4", className)}>{children}</main>;
}
