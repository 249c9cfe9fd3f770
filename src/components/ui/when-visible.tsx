"use client";
import { startTransition, useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * Renders `children` only once the box comes near the viewport; until then a placeholder of
 * the same size (so nothing shifts). For heavy client widgets such as charts: a chart further
 * down the page costs neither its JavaScript nor its render until someone scrolls to it.
 * The reveal is a transition, so React renders the widget in slices between other work
 * instead of one long task. Without IntersectionObserver it renders at once.
 */
export function WhenVisible({ children, className, fallback, rootMargin = "200px" }: {
  children: ReactNode;
  /** Size the box (e.g. "h-64"): the placeholder and the content share it. */
  className?: string;
  fallback?: ReactNode;
  rootMargin?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    if (typeof IntersectionObserver === "undefined") {
      startTransition(() => setVisible(true));
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        startTransition(() => setVisible(true));
        observer.disconnect();
      }
    }, { rootMargin });
    observer.observe(node);
    return () => observer.disconnect();
  }, [rootMargin]);
  return (
    <div ref={ref} className={cn(className)}>
      {visible ? children : (fallback ?? <div className="size-full animate-pulse rounded-md bg-muted/60" aria-hidden />)}
    </div>
  );
}
