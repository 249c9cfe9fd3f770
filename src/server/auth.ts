import NextAuth, { type NextAuthConfig } from "next-auth";
import { AccessDenied } from "@auth/core/errors";
import Nodemailer from "next-auth/providers/nodemailer";
import Google from "next-auth/providers/google";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { headers as requestHeaders } from "next/headers";
import type { NextRequest } from "next/server";
import { prisma } from "@/server/db";
import { env } from "@/server/env";
import { clientIp } from "@/server/http/client-ip";
import { sendSignInLink } from "@/server/email/sign-in-mail";
import { decideSignIn, onUserCreated, onUserSignedIn } from "@/server/users/access";
import { normalizeEmailOrNull } from "@/server/users/email-address";
import { decideSignInLink } from "@/server/users/sign-in-gate";
import { decideGoogleSignIn } from "@/server/users/google-sign-in";
import { recordSignIn, recordSignOut, sessionLifetime } from "@/server/users/session-lifetime";

/** Magic links work once, for 15 minutes. */
const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

/**
 * Where Auth.js sends the browser after a sign-in link was asked for. A refused or rate-limited
 * address is sent to exactly the same place, so the answer says nothing about who is on the team.
 */
const LINK_REQUESTED_PATH = "/api/auth/verify-request?provider=nodemailer&type=email";

// Auth.js v5 with database sessions (so removing a teammate ends their sessions at once).
// The config is built per request so that nothing reads the environment at build time; the
// request (absent for server actions, which have next/headers instead) gives the client address.
function buildConfig(req: NextRequest | undefined): NextAuthConfig {
  const config = env();
  const callerIp = async () => clientIp(req ? req.headers : await requestHeaders());
  const providers: NextAuthConfig["providers"] = [
    Nodemailer({
      // Delivery goes through our own transport (SMTP, SendGrid or the dev outbox).
      server: config.SMTP_URL ?? "smtp://localhost:25",
      from: config.EMAIL_FROM,
      maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
      normalizeIdentifier(identifier) {
        const email = normalizeEmailOrNull(identifier);
        // A client-safe Auth.js error: the caller is sent to /login?error=AccessDenied, no 5xx.
        if (!email) throw new AccessDenied("Not exactly one plain email address");
        return email;
      },
      sendVerificationRequest: ({ identifier, url }) => sendSignInLink({ email: identifier, url }),
    }),
  ];
  if (config.AUTH_GOOGLE_ID && config.AUTH_GOOGLE_SECRET) {
    providers.push(
      Google({
        clientId: config.AUTH_GOOGLE_ID,
        clientSecret: config.AUTH_GOOGLE_SECRET,
        issuer: config.AUTH_GOOGLE_ISSUER,
        // Users are stored under the normalised address, whichever way they sign in.
        profile: (profile) => ({ id: profile.sub, name: profile.name, image: profile.picture, email: normalizeEmailOrNull(profile.email) ?? profile.email }),
      }),
    );
  }
  const session = sessionLifetime(config);
  return {
    adapter: PrismaAdapter(prisma as unknown as Parameters<typeof PrismaAdapter>[0]),
    session: { strategy: "database", maxAge: session.maxAgeSeconds, updateAge: session.updateAgeSeconds },
    trustHost: true,
    secret: config.AUTH_SECRET,
    providers,
    pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login" },
    callbacks: {
      async signIn({ user, account, email, profile }) {
        if (account?.provider === "google") {
          const decision = await decideGoogleSignIn(profile, await callerIp());
          return decision.allowed ? true : `/login?error=${decision.reason}`;
        }
        if (email?.verificationRequest) {
          const decision = await decideSignInLink(user.email, await callerIp());
          return decision.send ? true : LINK_REQUESTED_PATH;
        }
        // Following the link: whoever clicks holds the mailbox, so they may hear why.
        const decision = await decideSignIn(user.email);
        return decision.allowed ? true : `/login?error=${decision.reason}`;
      },
    },
    events: {
      async createUser({ user }) {
        if (user.id && user.email) await onUserCreated(user.id, user.email);
      },
      async signIn({ user, account, isNewUser }) {
        if (!user.id || !user.email) return;
        await onUserSignedIn(user.id, user.email);
        await recordSignIn({ userId: user.id, email: user.email, provider: account?.provider ?? "email", isNewUser: Boolean(isNewUser), ip: await callerIp() });
      },
      async signOut(message) {
        if ("session" in message && message.session) await recordSignOut(message.session.userId, await callerIp());
      },
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth((req) => buildConfig(req));
