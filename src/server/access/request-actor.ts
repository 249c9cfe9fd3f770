import { findActor, type TeamActor } from "@/server/access/actor";
import { getUserBySessionToken, sessionTokenFromCookieHeader } from "@/server/users/session";

/**
 * getActor (src/server/access/page-actor.ts) for the Pages Router's getServerSideProps, which has
 * the request's Cookie header instead of next/headers: the signed-in user on their current event,
 * by the same rules as every API route (the same cookie reading, then findActor). Null when nobody
 * is signed in; the page redirects to /login then, as requireUser does.
 */
export async function findRequestActor(cookieHeader: string | undefined): Promise<TeamActor | null> {
  const user = await getUserBySessionToken(sessionTokenFromCookieHeader(cookieHeader ?? null));
  return user ? findActor(user) : null;
}
