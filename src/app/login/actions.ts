"use server";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/server/auth";
import { normalizeEmailOrNull } from "@/server/users/email-address";

/**
 * Asks Auth.js for a magic link. Limits and the allow-list are applied inside Auth.js's signIn
 * callback (src/server/users/sign-in-gate.ts), where every way of asking passes; every outcome
 * lands on the same "check your email" page.
 */
export async function requestSignInLink(formData: FormData): Promise<void> {
  const email = normalizeEmailOrNull(formData.get("email"));
  if (!email) redirect("/login?error=invalid_email");
  await signIn("nodemailer", { email, redirectTo: "/dashboard" });
}

export async function signInWithGoogle(): Promise<void> {
  await signIn("google", { redirectTo: "/dashboard" });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login?signedOut=1" });
}
