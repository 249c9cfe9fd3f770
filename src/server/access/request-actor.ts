import { findActor, type TeamActor } from "@/server/access/actor";
import { getUserBySessionToken, SESSION_COOKIE_NAMES } from "@/server/users/session";

/**
 * getActor (src/server/access/page-actor.ts) for the Pages Router's getServerSideProps, which has
 * the request's cookies instead of next/headers: the signed-in user on their current event, by the
 * same rule as every API route and App Router page (findActor). Null when nobody is signed in; the
 * page redirects to /login then, as requireUser does.
 */
export async function findRequestActor(cookies: Partial<Record<string, string>>): Promise<TeamActor | null> {
  const token = SESSION_COOKIE_NAMES.map((name) => cookies[name]).find(Boolean);
  const user = await getUserBySessionToken(token);
  return user ? findActor(user) : null;
}
