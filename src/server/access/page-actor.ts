import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { isValidTimeZone } from "@/server/calendar/time";
import { VIEWER_ZONE_COOKIE } from "@/lib/time";
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

/**
 * The zone a page shows activity times in: the viewer's browser's (from the cookie the app shell
 * writes), until it is known the event's, else UTC — never the server's clock (src/lib/time.ts).
 */
export const getViewerTimeZone = cache(async (): Promise<string> => {
  const fromBrowser = (await cookies()).get(VIEWER_ZONE_COOKIE)?.value;
  if (fromBrowser && isValidTimeZone(fromBrowser)) return fromBrowser;
  return (await getActor()).event?.timeZone ?? "UTC";
});
