import "server-only";
import { cache } from "react";
import { connection } from "next/server";
import { findActor, type TeamActor } from "@/server/access/actor";
import { requireUser } from "@/server/users/current";

/**
 * The actor for a server component, resolved once per request by the same rule as the API
 * (findActor): the signed-in user (else a redirect to /login) on their current event. The event
 * is null only before the first event exists; pages show an empty state then.
 */
export const getActor = cache(async (): Promise<TeamActor> => {
  await connection();
  const user = await requireUser();
  return findActor(user);
});
