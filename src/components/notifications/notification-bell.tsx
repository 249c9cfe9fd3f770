"use client";
import { useCallback, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Bell } from "lucide-react";
import { useDeferredMenu } from "@/components/ui/deferred-menu";
import { apiFetch } from "@/lib/api-client";
import type { NotificationItem, NotificationListing } from "./types";

const loadMenu = () => import("./notification-menu");


/** How often the open page asks for new notifications (the "live": at most 15 s late). */
const POLL_MS = 10_000;

/** The bell: unread count, the latest notifications (each opens its record), mark one or all read. */
export function NotificationBell() {
  const router = useRouter();
  const [data, setData] = useState<NotificationListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const menu = useDeferredMenu(loadMenu);

  const load = useCallback(async () => {
    const res = await apiFetch<NotificationListing>("/api/notifications?limit=15");
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

  async function open(item: NotificationItem) {
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
  const triggerProps = { className: "relative rounded-md p-2 hover:bg-muted", "aria-label": unread ? `Notifications: ${unread} unread` : "Notifications", "data-testid": "notification-bell" };
  const trigger = (
    <>
      <Bell className="size-5" aria-hidden />
      {unread > 0 ? (
        <span className="absolute right-0.5 top-0.5 flex min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold leading-4 text-white" data-testid="notification-count">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </>
  );
  if (!menu.module) return <button {...menu.standInProps} {...triggerProps}>{trigger}</button>;
  return (
    <menu.module.NotificationMenu
      data={data}
      error={error}
      unread={unread}
      defaultOpen={menu.openOnMount}
      trigger={trigger}
      triggerProps={triggerProps}
      open={(item) => void open(item)}
      markAll={() => void markAll()}
    />
  );
}
