import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { CalendarCheck2, Mail } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { DemoModeBanner } from "@/components/shell/demo-mode-banner";
import { env, isDemoInProduction, isDemoMode } from "@/server/env";
import { getCurrentUser } from "@/server/users/current";
import { DEMO_TEAM } from "@/lib/demo-team";
import { requestSignInLink, signInWithGoogle } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  not_invited: "This address isn't on the team yet. Ask an admin to invite you from Settings → Team.",
  removed: "Your access to EventOps was removed. Ask an admin if you think this is a mistake.",
  invalid_email: "Enter one email address, like you@company.com.",
  unverified_google: "Google has not verified this address yet. Verify it with Google, or sign in with an email link.",
  google_domain: "Sign in with your company's Google account, or use an email link.",
  Verification: "That sign-in link has expired or was already used. Ask for a new one.",
  AccessDenied: "You don't have access to EventOps.",
  Configuration: "Sign-in is not configured correctly on this server.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await connection();
  if (await getCurrentUser()) redirect("/dashboard");
  const params = await searchParams;
  const error = params.error ? (ERRORS[params.error] ?? "Sign-in failed. Please try again.") : null;
  const config = env();
  const demo = isDemoMode(config);
  const google = Boolean(config.AUTH_GOOGLE_ID && config.AUTH_GOOGLE_SECRET);

  return (
    <>
      {isDemoInProduction(config) ? <DemoModeBanner /> : null}
      {/* Top-aligned, not centred: the page can paint while its HTML is still arriving, and a
          centred card moved up as the rest of it came in — Lighthouse measured a layout shift of
          0.35 on a phone (docs/PERFORMANCE.md, "Lighthouse, round 9"). */}
      <main className="flex min-h-dvh items-start justify-center bg-gradient-to-br from-indigo-50 via-background to-sky-50 px-4 py-10 sm:pt-[12vh]">
        <div className="w-full max-w-md">
          <div className="mb-8 flex items-center justify-center gap-2">
            <div className="flex size-10 items-center justify-center rounded-xl bg-primary text-primary-foreground">
              <CalendarCheck2 className="size-5" aria-hidden />
            </div>
            <span className="text-2xl font-semibold tracking-tight">EventOps</span>
          </div>
          <div className="rounded-xl border bg-card p-6 shadow-sm sm:p-8">
            <h1 className="text-xl font-semibold">Sign in</h1>
            <p className="mt-1 text-sm text-muted-foreground">We&apos;ll email you a link that signs you in. No password needed.</p>
            {params.signedOut ? <p role="status" className="mt-4 rounded-md bg-muted px-3 py-2 text-sm">You are signed out.</p> : null}
            {error ? (
              <p role="alert" className="mt-4 rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm text-destructive">
                {error}
              </p>
            ) : null}
            <form action={requestSignInLink} className="mt-6 flex flex-col gap-3">
              <Label htmlFor="email">Work email</Label>
              <Input id="email" name="email" type="email" autoComplete="email" required placeholder="you@company.com" className="h-11" defaultValue={params.email?.slice(0, 254)} />
              <Button type="submit" size="lg" className="mt-1">
                <Mail aria-hidden /> Email me a sign-in link
              </Button>
            </form>
            {google ? (
              <form action={signInWithGoogle} className="mt-3">
                <Button type="submit" variant="outline" size="lg" className="w-full">Continue with Google</Button>
              </form>
            ) : null}
          </div>
          {demo ? (
            <section aria-labelledby="demo-team" className="mt-6 rounded-xl border border-dashed bg-card/70 p-5">
              <h2 id="demo-team" className="text-sm font-semibold">Demo team</h2>
              <p className="mt-1 text-sm text-muted-foreground">
                Demo mode: sign-in links land in the{" "}
                <a className="font-medium text-primary underline" href="/dev/mailbox">development mailbox</a> (open it on the computer running EventOps) and the server log. Sign in as:
              </p>
              <ul className="mt-3 grid gap-2">
                {DEMO_TEAM.map((member) => (
                  <li key={member.email}>
                    <form action={requestSignInLink}>
                      <input type="hidden" name="email" value={member.email} />
                      <button type="submit" className="flex w-full items-center justify-between rounded-md border bg-card px-3 py-2 text-left text-sm hover:bg-muted">
                        <span>
                          <span className="font-medium">{member.name}</span>
                          <span className="block text-xs text-muted-foreground">{member.email}</span>
                        </span>
                        <span className="rounded-full bg-accent px-2 py-0.5 text-xs font-medium text-accent-foreground">{member.role === "ADMIN" ? "Admin" : "Rep"}</span>
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </main>
    </>
  );
}
