"use client";
import type { ComponentProps, ReactNode } from "react";
import { CheckCheck } from "lucide-react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { RelativeTime } from "@/components/data-table/relative-time";
import { browserTimeZone } from "@/lib/time";
import { cn } from "@/lib/utils";
import type { NotificationItem, NotificationListing } from "./types";

/** The bell's menu (Radix), loaded when the bell is first pointed at or pressed (NotificationBell). */
export function NotificationMenu({ data, error, unread, defaultOpen, trigger, triggerProps, open, markAll }: {
  data: NotificationListing | null;
  error: string | null;
  unread: number;
  defaultOpen: boolean;
  trigger: ReactNode;
  triggerProps: ComponentProps<"button">;
  open: (item: NotificationItem) => void;
  markAll: () => void;
}) {
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger {...triggerProps}>{trigger}</DropdownMenuTrigger>
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
            <DropdownMenuItem key={item.id} onSelect={() => open(item)} className="items-start gap-2 rounded-none px-3 py-2.5" data-testid="notification-item">
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
