import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getUserBySessionToken, SESSION_COOKIE_NAMES, type SessionUser } from "@/server/users/session";

/** The signed-in user for a server component, once per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const store = await cookies();
  const token = SESSION_COOKIE_NAMES.map((name) => store.get(name)?.value).find(Boolean);
  return getUserBySessionToken(token);
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "ADMIN") redirect("/dashboard?error=admin_only");
  return user;
}
