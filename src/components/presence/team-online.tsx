"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { apiFetch } from "@/lib/api-client";
import { initials } from "@/lib/utils";
import { isAppPath } from "@/lib/safe-links";

type Online = { userId: string; name: string | null; email: string; path: string; entityType: string | null; entityId: string | null; lastSeenAt: string; isMe: boolean };

const PAGE_NAMES: [string, string][] = [
  ["/dashboard/accounts", "Accounts"], ["/dashboard/people", "People"], ["/dashboard/outreach", "Outreach"], ["/dashboard/sequences", "Sequences"],
  ["/dashboard/meetings", "Meetings"], ["/dashboard/research", "Research"], ["/dashboard/reports", "Reports"], ["/dashboard/analytics", "Analytics"],
  ["/dashboard/activity", "Activity"], ["/dashboard/settings", "Settings"], ["/dashboard", "Dashboard"],
];

function describe(o: Online) {
  const page = PAGE_NAMES.find(([p]) => o.path === p || o.path.startsWith(`${p}/`))?.[1] ?? o.path;
  return o.entityType ? `${page} · viewing a ${o.entityType}` : page;
}

/** Everyone online now and where they are; refreshed every 30 s. */
export function TeamOnline() {
  const [online, setOnline] = useState<Online[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    async function load() {
      const r = await apiFetch<{ online: Online[] }>("/api/presence");
      if (stopped) return;
      if (r.success) { setOnline(r.data.online); setError(null); } else setError(r.error);
    }
    void load();
    const t = setInterval(load, 30_000);
    return () => { stopped = true; clearInterval(t); };
  }, []);
  if (error) return <p role="alert" className="text-sm text-destructive">{error}</p>;
  if (!online) return <p className="text-sm text-muted-foreground">Loading…</p>;
  if (online.length === 0) return <p className="text-sm text-muted-foreground">Nobody else is online right now.</p>;
  return (
    <ul className="grid gap-2" data-testid="team-online">
      {online.map((o) => (
        <li key={o.userId} className="flex items-center gap-2 text-sm">
          <span className="relative">
            <Avatar className="size-7"><AvatarFallback className="text-[10px]">{initials(o.name ?? o.email)}</AvatarFallback></Avatar>
            <span className="absolute -right-0.5 -bottom-0.5 size-2.5 rounded-full border-2 border-card bg-success" aria-hidden />
          </span>
          <span className="min-w-0">
            <span className="block truncate font-medium">{o.name ?? o.email}{o.isMe ? " (you)" : ""}</span>
            {isAppPath(o.path) ? (
              <Link href={o.path} className="block truncate text-xs text-muted-foreground hover:underline">{describe(o)}</Link>
            ) : (
              <span className="block truncate text-xs text-muted-foreground">{describe(o)}</span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
