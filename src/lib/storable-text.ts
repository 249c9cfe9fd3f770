/**
 * The two kinds of JavaScript string that cannot round-trip through PostgreSQL: U+0000 (text
 * and jsonb refuse it, so the query fails) and a lone UTF-16 surrogate — half of an emoji —
 * which jsonb refuses and text columns silently turn into U+FFFD. Input from our own users is
 * refused when it holds either (src/server/http/input.ts says why); content we fetch or are sent
 * by others (web pages, AI answers, inbound mail) is cleaned with toStorableText instead.
 */

export type UnstorableReason = "nul" | "lone_surrogate";

export function unstorableReason(text: string): UnstorableReason | null {
  if (text.includes("\u0000")) return "nul";
  if (!text.isWellFormed()) return "lone_surrogate";
  return null;
}

/** Drops NUL characters and replaces lone surrogates with U+FFFD. */
export function toStorableText(text: string): string {
  const withoutNul = text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
  return withoutNul.toWellFormed();
}

/** toStorableText applied to every string (and object key) inside plain data, iteratively. */
export function toStorableDeep<T>(value: T): T {
  const root = { value: value as unknown };
  const stack: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [{ holder: root as Record<string, unknown>, key: "value" }];
  while (stack.length > 0) {
    const { holder, key } = stack.pop()!;
    const current = (holder as Record<string | number, unknown>)[key];
    if (typeof current === "string") {
      (holder as Record<string | number, unknown>)[key] = toStorableText(current);
    } else if (Array.isArray(current)) {
      const copy = current.slice();
      (holder as Record<string | number, unknown>)[key] = copy;
      for (let i = 0; i < copy.length; i++) stack.push({ holder: copy, key: i });
    } else if (current !== null && typeof current === "object" && Object.getPrototypeOf(current) === Object.prototype) {
      const copy: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(current)) copy[toStorableText(k)] = v;
      (holder as Record<string | number, unknown>)[key] = copy;
      for (const k of Object.keys(copy)) stack.push({ holder: copy, key: k });
    }
  }
  return root.value as T;
}

/**
 * What is wrong with a page address, or null when every part of it reads as text we can store:
 * a path segment whose percent-encoding is not UTF-8 (`/accounts/%E0`, which Next.js itself
 * answers with a 500, vercel/next.js#92527) or a path segment, query name or query value holding
 * NUL or a lone surrogate (PostgreSQL would refuse it mid-render). Pages check this in src/proxy.ts
 * before they run; API routes check the same in the route wrapper.
 */
export function unreadableUrlReason(url: URL): "undecodable_path" | UnstorableReason | null {
  for (const segment of url.pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return "undecodable_path";
    }
    const reason = unstorableReason(decoded);
    if (reason) return reason;
  }
  for (const [name, value] of url.searchParams) {
    const reason = unstorableReason(name) ?? unstorableReason(value);
    if (reason) return reason;
  }
  return null;
}
