"use client";
import { useEffect, useRef } from "react";
import { apiFetch } from "@/lib/api-client";
import type { ApiResponse } from "@/types/api";

export type ApiRequest = { url: string; method?: string; body?: unknown };

/**
 * Calls the API a moment after its input stops changing (search boxes, live previews): each
 * keystroke restarts the wait, and a newer request aborts the one in flight, so an answer that
 * arrives late never overwrites a fresher one. `null` sends nothing. `onStart` runs when the call
 * actually leaves (after the wait); `onAnswer` gets every answer that was not superseded.
 */
export function useDebouncedApi<T>(
  request: ApiRequest | null,
  delayMs: number,
  onAnswer: (res: ApiResponse<T>) => void,
  onStart?: () => void,
): void {
  const handlers = useRef({ onAnswer, onStart });
  useEffect(() => {
    handlers.current = { onAnswer, onStart };
  });
  // The request's content, not its identity, decides whether to call again.
  const key = request ? JSON.stringify(request) : null;
  useEffect(() => {
    if (key === null) return;
    const { url, method, body } = JSON.parse(key) as ApiRequest;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      handlers.current.onStart?.();
      try {
        handlers.current.onAnswer(await apiFetch<T>(url, { method, body, signal: controller.signal }));
      } catch {
        // Aborted by a newer request or by leaving the page.
      }
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, delayMs]);
}
