import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { resolveCurrentEvent } from "@/server/events/service";
import { isValidTimeZone } from "@/server/calendar/time";
import { requireUser } from "@/server/users/current";
import { VIEWER_ZONE_COOKIE } from "@/lib/time";

/**
 * The signed-in user, the event they are working in, and the zone their activity times are shown
 * in (their browser's, from the cookie the app shell writes; until it is known, the event's),
 * once per request.
 */
export const getWorkspace = cache(async () => {
  await connection();
  const user = await requireUser();
  const event = await resolveCurrentEvent(user.lastEventId);
  const fromBrowser = (await cookies()).get(VIEWER_ZONE_COOKIE)?.value;
  const viewerTimeZone = fromBrowser && isValidTimeZone(fromBrowser) ? fromBrowser : (event?.timeZone ?? "UTC");
  return { user, event, viewerTimeZone };
});
