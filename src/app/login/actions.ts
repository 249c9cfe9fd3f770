"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/server/auth";
import { consumeRateLimit, RATE_LIMITS } from "@/server/http/rate-limit";
import { normalizeEmail } from "@/server/users/access";

const emailSchema = z.email().max(254);

/** Sends the magic link. Refused addresses are turned away by Auth.js's signIn callback. */
export async function requestSignInLink(formData: FormData): Promise<void> {
  const parsed = emailSchema.safeParse(String(formData.get("email") ?? "").trim());
  if (!parsed.success) redirect("/login?error=invalid_email");
  const email = normalizeEmail(parsed.data);
  const ip = (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
  const [byEmail, byIp] = await Promise.all([
    consumeRateLimit(RATE_LIMITS.signInEmail, `email:${email}`),
    consumeRateLimit({ ...RATE_LIMITS.signInEmail, points: 30 }, `ip:${ip}`),
  ]);
  if (!byEmail.allowed || !byIp.allowed) redirect("/login?error=rate_limited");
  await signIn("nodemailer", { email, redirectTo: "/dashboard" });
}

export async function signInWithGoogle(): Promise<void> {
  await signIn("google", { redirectTo: "/dashboard" });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login?signedOut=1" });
}
