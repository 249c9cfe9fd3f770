import type { ApiResponse } from "@/types/api";

/** The event the page on screen shows (the app shell sets it): every change says which event it means. */
export function pageEventId(): string | undefined {
  return typeof document === "undefined" ? undefined : document.body.dataset.eventId || undefined;
}

/** The browser side of the API envelope: never throws on an HTTP error, returns the failure. */
export async function apiFetch<T = unknown>(
  url: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<ApiResponse<T>> {
  try {
    const eventId = pageEventId();
    const response = await fetch(url, {
      method: init.method ?? "GET",
      headers: { ...(init.body !== undefined ? { "content-type": "application/json" } : {}), ...(eventId ? { "x-event-id": eventId } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: init.signal,
    });
    const payload = (await response.json().catch(() => null)) as ApiResponse<T> | null;
    if (payload && typeof payload === "object" && "success" in payload) return payload;
    return { success: false, error: `The server answered ${response.status}`, code: "bad_response" };
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    return { success: false, error: "Network error — check your connection and try again", code: "network_error" };
  }
}
