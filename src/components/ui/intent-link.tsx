"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * A Link that prefetches its route when a person shows intent (pointer over it, focus, touch)
 * instead of as soon as it is on screen. For navigation that is on every page (the sidebar, the
 * dashboard's cards): prefetching a dozen routes on every load costs the server a dozen renders
 * and the phone a dozen requests before it is interactive; prefetching on hover still gives
 * the instant loading state when the click comes.
 */
export function IntentLink({ href, onMouseEnter, onFocus, onTouchStart, ...props }: Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string }) {
  const router = useRouter();
  const warm = () => router.prefetch(href);
  return (
    <Link
      href={href}
      prefetch={false}
      onMouseEnter={(e) => { warm(); onMouseEnter?.(e); }}
      onFocus={(e) => { warm(); onFocus?.(e); }}
      onTouchStart={(e) => { warm(); onTouchStart?.(e); }}
      {...props}
    />
  );
}
