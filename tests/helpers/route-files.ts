import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { callRoute } from "./request";

/** Route-file discovery shared by the hardening tests (authz matrix, fuzz test, OpenAPI). */

export const API_DIR = path.resolve(import.meta.dirname, "../../src/app/api");
export const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Verb = (typeof VERBS)[number];
export type RouteHandler = Parameters<typeof callRoute>[0];

export function listRouteFiles(dir = API_DIR): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return listRouteFiles(full);
      return name === "route.ts" ? [path.relative(API_DIR, full).split(path.sep).join("/")] : [];
    })
    .sort();
}

/** A concrete URL for a route file: dynamic segments get a placeholder id that exists nowhere. */
export function urlFor(file: string, placeholder = "does-not-exist") {
  const params: Record<string, string | string[]> = {};
  const segments = file
    .replace(/\/?route\.ts$/, "")
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
      if (catchAll) {
        params[catchAll[1]] = ["session"];
        return "session";
      }
      const dynamic = /^\[(\w+)\]$/.exec(segment);
      if (dynamic) {
        params[dynamic[1]] = placeholder;
        return placeholder;
      }
      return segment;
    });
  return { url: `/api/${segments.join("/")}`, params };
}

export async function loadRoute(file: string): Promise<Partial<Record<Verb, RouteHandler>>> {
  return (await import(path.join(API_DIR, file))) as Partial<Record<Verb, RouteHandler>>;
}
