"use client";
import { useCallback, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Bell, CheckCheck } from "lucide-react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { RelativeTime } from "@/components/data-table/relative-time";
import { apiFetch } from "@/lib/api-client";
import { browserTimeZone } from "@/lib/time";
import { cn } from "@/lib/utils";

type Item = { id: string; type: string; title: string; body: string | null; href: string; readAt: string | null; createdAt: string };
type Listing = { items: Item[]; unread: number };

/** How often the open page asks for new notifications (the "live": at most 15 s late). */
const POLL_MS = 10_000;

/** The bell: unread count, the latest notifications (each opens its record), mark one or all read. */
export function NotificationBell() {
  const router = useRouter();
  const [data, setData] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const res = await apiFetch<Listing>("/api/notifications?limit=15");
    if (res.success) {
      setData(res.data);
      setError(null);
    } else setError(res.error);
  }, []);

  useEffect(() => {
    const first = setTimeout(load, 0);
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void load();
    }, POLL_MS);
    const onVisible = () => document.visibilityState === "visible" && void load();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [load]);

  async function open(item: Item) {
    if (!item.readAt) {
      const res = await apiFetch<{ unread: number }>("/api/notifications/read", { method: "POST", body: { ids: [item.id] } });
      if (res.success) setData((d) => d && { unread: res.data.unread, items: d.items.map((i) => (i.id === item.id ? { ...i, readAt: new Date().toISOString() } : i)) });
    }
    router.push(item.href);
  }

  async function markAll() {
    const res = await apiFetch<{ unread: number }>("/api/notifications/read", { method: "POST", body: { all: true } });
    if (res.success) setData((d) => d && { unread: 0, items: d.items.map((i) => ({ ...i, readAt: i.readAt ?? new Date().toISOString() })) });
    else setError(res.error);
  }

  const unread = data?.unread ?? 0;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="relative rounded-md p-2 hover:bg-muted" aria-label={unread ? `Notifications: ${unread} unread` : "Notifications"} data-testid="notification-bell">
        <Bell className="size-5" aria-hidden />
        {unread > 0 ? (
          <span className="absolute right-0.5 top-0.5 flex min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold leading-4 text-white" data-testid="notification-count">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-[min(24rem,calc(100vw-1.5rem))] p-0" data-testid="notification-list">
        <div className="flex items-center justify-between gap-2 px-3 py-2">
          <DropdownMenuLabel className="p-0 text-sm font-semibold text-foreground">Notifications</DropdownMenuLabel>
          {unread > 0 ? (
            <button type="button" onClick={markAll} className="flex items-center gap-1 text-xs font-medium text-primary hover:underline" data-testid="notifications-mark-all">
              <CheckCheck className="size-3.5" aria-hidden /> Mark all read
            </button>
          ) : null}
        </div>
        <DropdownMenuSeparator className="m-0" />
        {error ? <p className="px-3 py-4 text-sm text-destructive">{error}</p> : null}
        {data && data.items.length === 0 ? (
          <p className="px-3 py-6 text-center text-sm text-muted-foreground">Nothing yet. Replies, clicks, leads at your accounts, due tasks and failed steps show up here.</p>
        ) : null}
        <div className="max-h-[60vh] overflow-y-auto">
          {data?.items.map((item) => (
            <DropdownMenuItem key={item.id} onSelect={() => void open(item)} className="items-start gap-2 rounded-none px-3 py-2.5" data-testid="notification-item">
              <span className={cn("mt-1.5 size-2 shrink-0 rounded-full", item.readAt ? "bg-transparent" : "bg-primary")} aria-hidden />
              <span className="min-w-0 flex-1">
                <span className={cn("block text-sm", !item.readAt && "font-medium")}>{item.title}{item.readAt ? null : <span className="sr-only"> (unread)</span>}</span>
                {item.body ? <span className="block truncate text-xs text-muted-foreground">{item.body}</span> : null}
                <span className="block text-xs text-muted-foreground"><RelativeTime value={item.createdAt} timeZone={browserTimeZone()} /></span>
              </span>
            </DropdownMenuItem>
          ))}
        </div>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
