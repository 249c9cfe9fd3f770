import "server-only";
import { cache } from "react";
import { connection } from "next/server";
import { resolveCurrentEvent } from "@/server/events/service";
import { requireUser } from "@/server/users/current";

/** The signed-in user and the event they are working in, once per request. */
export const getWorkspace = cache(async () => {
  await connection();
  const user = await requireUser();
  const event = await resolveCurrentEvent(user.lastEventId);
  return { user, event };
});
