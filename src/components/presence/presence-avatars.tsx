"use client";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import { Tooltip, TooltipContent, TooltipProvider, TooltipTrigger } from "@/components/ui/tooltip";
import { apiFetch } from "@/lib/api-client";
import { cn, initials } from "@/lib/utils";

export type PresenceEntityType = "account" | "person" | "meeting" | "outreach" | "sequence" | "report";
type Online = { userId: string; name: string | null; email: string; image: string | null; path: string; entityType: string | null; entityId: string | null; lastSeenAt: string; isMe: boolean };

const HEARTBEAT_MS = 30_000;

/**
 * Sends this tab's heartbeat (page, and the record when given) every 30 s while the tab is
 * visible, and keeps the list of teammates here from the answer.
 */
function usePresence(target: { path: string; entityType?: PresenceEntityType; entityId?: string }) {
  const [online, setOnline] = useState<Online[]>([]);
  const { path, entityType, entityId } = target;
  useEffect(() => {
    let stopped = false;
    const controller = new AbortController();
    async function beat() {
      if (document.visibilityState === "hidden") return;
      try {
        const result = await apiFetch<{ online: Online[] }>("/api/presence", {
          method: "POST",
          body: entityType && entityId ? { path, entityType, entityId } : { path },
          signal: controller.signal,
        });
        if (!stopped && result.success) setOnline(result.data.online);
      } catch {
        // aborted on unmount
      }
    }
    void beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    const onVisible = () => { if (document.visibilityState === "visible") void beat(); };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      controller.abort();
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [path, entityType, entityId]);
  return online;
}

const RING = ["ring-sky-400", "ring-emerald-400", "ring-amber-400", "ring-rose-400", "ring-violet-400"];

/** Teammates viewing this record (or this page) as avatars with tooltips; also sends the heartbeat. */
export function PresenceAvatars({ entityType, entityId, path, includeMe = false, className, max = 4 }: {
  entityType?: PresenceEntityType;
  entityId?: string;
  path?: string;
  includeMe?: boolean;
  className?: string;
  max?: number;
}) {
  const pathname = usePathname() ?? ""; // never null in the App Router
  const online = usePresence({ path: path ?? pathname, entityType, entityId });
  const people = online.filter((o) => includeMe || !o.isMe);
  if (people.length === 0) return null;
  const where = entityType ? `this ${entityType}` : "this page";
  const shown = people.slice(0, max);
  return (
    <TooltipProvider delayDuration={150}>
      <div className={cn("flex items-center", className)} data-testid="presence-avatars" aria-label={`${people.length} teammate${people.length === 1 ? "" : "s"} viewing ${where}`} role="group">
        <div className="flex -space-x-2">
          {shown.map((p, i) => (
            <Tooltip key={p.userId}>
              <TooltipTrigger asChild>
                <button type="button" className="rounded-full" aria-label={`${p.name ?? p.email}${p.isMe ? " (you)" : ""} is viewing ${where}`}>
                  <Avatar className={cn("size-7 ring-2 ring-offset-1 ring-offset-card", RING[i % RING.length])}>
                    {p.image ? <AvatarImage src={p.image} alt="" /> : null}
                    <AvatarFallback className="text-[10px]">{initials(p.name ?? p.email)}</AvatarFallback>
                  </Avatar>
                </button>
              </TooltipTrigger>
              <TooltipContent>
                {p.name ?? p.email}{p.isMe ? " (you)" : ""} · viewing {where} · active {secondsAgo(p.lastSeenAt)}
              </TooltipContent>
            </Tooltip>
          ))}
        </div>
        {people.length > max ? <span className="ml-2 text-xs text-muted-foreground">+{people.length - max}</span> : null}
      </div>
    </TooltipProvider>
  );
}

function secondsAgo(iso: string) {
  const s = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  return s < 45 ? "just now" : `${Math.round(s / 60)} min ago`;
}
