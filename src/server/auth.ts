import NextAuth, { type NextAuthConfig } from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import Google from "next-auth/providers/google";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { prisma } from "@/server/db";
import { env } from "@/server/env";
import { sendSignInLink } from "@/server/email/sign-in-mail";
import { decideSignIn, normalizeEmail, onUserCreated, onUserSignedIn } from "@/server/users/access";

// Auth.js v5 with database sessions (so removing a teammate ends their sessions at once).
// The config is built per request so that nothing reads the environment at build time.
function buildConfig(): NextAuthConfig {
  const config = env();
  const providers: NextAuthConfig["providers"] = [
    Nodemailer({
      // Delivery goes through our own transport (SMTP, SendGrid or the dev outbox).
      server: config.SMTP_URL ?? "smtp://localhost:25",
      from: config.EMAIL_FROM,
      normalizeIdentifier: normalizeEmail,
      sendVerificationRequest: ({ identifier, url }) => sendSignInLink({ email: identifier, url }),
    }),
  ];
  if (config.AUTH_GOOGLE_ID && config.AUTH_GOOGLE_SECRET) {
    providers.push(Google({ clientId: config.AUTH_GOOGLE_ID, clientSecret: config.AUTH_GOOGLE_SECRET }));
  }
  return {
    adapter: PrismaAdapter(prisma as unknown as Parameters<typeof PrismaAdapter>[0]),
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
    trustHost: true,
    secret: config.AUTH_SECRET,
    providers,
    pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login" },
    callbacks: {
      async signIn({ user, email }) {
        const address = user.email ?? "";
        if (!address) return "/login?error=no_email";
        const decision = await decideSignIn(address);
        if (!decision.allowed) return `/login?error=${decision.reason}`;
        // The verification request itself is allowed; the account is created on the click.
        void email;
        return true;
      },
    },
    events: {
      async createUser({ user }) {
        if (user.id && user.email) await onUserCreated(user.id, user.email);
      },
      async signIn({ user }) {
        if (user.id && user.email) await onUserSignedIn(user.id, user.email);
      },
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth(() => buildConfig());
