import { isIP } from "node:net";
import { z } from "zod";
import { normalizeDomain, normalizeEmailOrNull } from "@/server/users/email-address";

// The only module that reads process.env for server configuration. Every variable is
// documented in .env.example. Parsed lazily (and re-parsed when tests change process.env).
const csv = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean));

// Sign-in lists go through the one address parser: a typo fails the boot instead of letting the
// wrong people in (or nobody).
const emailList = csv.pipe(
  z.array(z.string()).transform((items, ctx) =>
    items.map((item) => normalizeEmailOrNull(item) ?? (ctx.addIssue({ code: "custom", message: `"${item}" is not one email address` }), "")),
  ),
);
const domainList = csv.pipe(
  z.array(z.string()).transform((items, ctx) =>
    items.map((item) => normalizeDomain(item) ?? (ctx.addIssue({ code: "custom", message: `"${item}" is not a domain such as company.com` }), "")),
  ),
);
// TRUSTED_PROXY: addresses or CIDR ranges (10.0.0.0/8, ::1) of the reverse proxies in front of us.
const proxyList = csv.pipe(
  z.array(z.string()).transform((items, ctx) =>
    items.map((item) => {
      const [address, bits, extra] = item.split("/");
      const family = isIP(address ?? "");
      const max = family === 6 ? 128 : 32;
      const prefix = bits === undefined ? max : Number(bits);
      if (!family || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
        ctx.addIssue({ code: "custom", message: `"${item}" is not an IP address or CIDR range` });
      }
      return { address: address ?? "", prefix, family: family === 6 ? ("ipv6" as const) : ("ipv4" as const) };
    }),
  ),
);

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is not set (npm run dev/start boot an embedded database for you)"),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  // "false" for a transaction pooler without protocol-level prepared statements (PgBouncer before
  // 1.21, or max_prepared_statements = 0): then every statement is parsed and planned each time.
  DATABASE_PREPARED_STATEMENTS: z.enum(["true", "false"], "DATABASE_PREPARED_STATEMENTS must be true or false").default("true"),
  // A direct (unpooled) URL: migrations, and the job engine's own connections (LISTEN/NOTIFY and
  // session advisory locks do not work through a transaction pooler such as Neon's "-pooler").
  DIRECT_URL: optionalString,
  APP_URL: optionalString,
  // Auth.js's own name for the public URL; APP_URL wins, and env() keeps AUTH_URL equal to it.
  AUTH_URL: optionalString,
  AUTH_SECRET: optionalString,
  // A session ends after this many days without use (each day of use extends it).
  SESSION_IDLE_DAYS: z.coerce.number().positive().max(365).default(7),
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  // Google's OpenID issuer; override only for testing (a fake Google on loopback).
  AUTH_GOOGLE_ISSUER: z.string().default("https://accounts.google.com"),
  ALLOWED_EMAIL_DOMAINS: domainList,
  ADMIN_EMAILS: emailList,
  // Lets the seeded demo team sign in and shows the dev mailbox; on by default only in development.
  DEMO_MODE: optionalString,
  SMTP_URL: optionalString,
  EMAIL_FROM: z.string().default("EventOps <no-reply@eventops.dev>"),
  SENDGRID_API_KEY: optionalString,
  SENDGRID_API_URL: z.string().default("https://api.sendgrid.com"),
  SENDGRID_WEBHOOK_PUBLIC_KEY: optionalString,
  INBOUND_PARSE_SECRET: optionalString,
  // Replies come back to reply+TOKEN@INBOUND_DOMAIN when set (SendGrid Inbound Parse or raw MIME).
  INBOUND_DOMAIN: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== "" ? v.trim().toLowerCase() : undefined))
    .pipe(z.string().regex(/^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/, "INBOUND_DOMAIN must be a domain name such as reply.yourcompany.com").optional()),
  // 32 bytes (base64 or hex) that encrypt the IMAP app passwords of connected mailboxes.
  MAILBOX_ENCRYPTION_KEY: optionalString,
  TRACKING_SECRET: optionalString,
  CRON_SECRET: optionalString,
  // Jobs one worker process runs at the same time.
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  // Pepper for the hashed tombstones erasure leaves (docs/PRIVACY.md). Never change it once set:
  // old tombstones would stop matching. Required for erasure in production.
  ERASURE_PEPPER: optionalString,
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  SENTRY_DSN: optionalString,
  LOG_LEVEL: z.string().default("info"),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(100),
  // "true": API responses carry a Server-Timing header with per-stage durations (profiling).
  SERVER_TIMING: optionalString,
  AI_CALLS_PER_MINUTE: z.coerce.number().int().positive().default(30),
  TRUSTED_PROXY: proxyList,
  // Set by Vercel on its own servers ("1"): then its X-Forwarded-For / X-Real-IP are trusted.
  VERCEL: optionalString,
});

export type Env = z.infer<typeof envSchema>;

let cached: { snapshot: string; value: Env } | undefined;
/**
 * The log level, read without validating the rest of the environment: the logger exists before
 * anything else can fail, and it must be able to report that failure.
 */
export function logLevel(): string {
  return process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info");
}

/** The AUTH_URL env() wrote itself (so it is not mistaken for one the operator set). */
let writtenAuthUrl: string | undefined;

export function env(): Env {
  const snapshot = JSON.stringify(pickKeys(process.env));
  if (cached && cached.snapshot === snapshot) return cached.value;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  syncAuthUrl(parsed.data);
  cached = { snapshot: JSON.stringify(pickKeys(process.env)), value: parsed.data };
  return parsed.data;
}

function pickKeys(source: NodeJS.ProcessEnv) {
  const keys = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];
  return keys.map((k) => source[k]);
}

/**
 * Auth.js builds the magic link from AUTH_URL when it is set and otherwise from the request's
 * Host / X-Forwarded-Host headers, which a caller controls. So AUTH_URL is always set, to the
 * app's one public URL: links never point at a host someone typed into a header.
 */
function syncAuthUrl(e: Env): void {
  const url = appUrl(e);
  if (process.env.AUTH_URL === url) return;
  process.env.AUTH_URL = url;
  writtenAuthUrl = url;
}

/** The public origin of the app: APP_URL, else AUTH_URL, else (development only) localhost:3000. */
export function appUrl(e: Env = env()): string {
  const configured = e.APP_URL ?? operatorAuthUrl(e);
  if (!configured) return "http://localhost:3000";
  return publicOrigin(configured) ?? configured.replace(/\/$/, "");
}

function operatorAuthUrl(e: Env): string | undefined {
  return e.AUTH_URL !== writtenAuthUrl ? e.AUTH_URL : undefined;
}

function publicOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** In development and tests a fixed pepper keeps tombstones stable; production must set its own. */
const DEVELOPMENT_ERASURE_PEPPER = "eventops-development-erasure-pepper";

/** The tombstone pepper, or null in production when ERASURE_PEPPER is not set (erasure then refuses). */
export function erasurePepper(e: Env = env()): string | null {
  return e.ERASURE_PEPPER ?? (e.NODE_ENV === "production" ? null : DEVELOPMENT_ERASURE_PEPPER);
}

/** DEMO_MODE=true or 1 (false or 0 turn it off); unset: on in development, off in production. */
export function demoModeSetting(value: string | undefined): boolean | undefined {
  if (value === undefined || value === "") return undefined;
  return value === "true" || value === "1";
}

/** Demo mode: the seeded team may sign in without mail and the dev mailbox exists. */
export function isDemoMode(e: Env = env()): boolean {
  return demoModeSetting(e.DEMO_MODE) ?? e.NODE_ENV !== "production";
}

/** Demo mode switched on in a production build: the app shows a banner saying so. */
export function isDemoInProduction(e: Env = env()): boolean {
  return e.NODE_ENV === "production" && isDemoMode(e);
}

const MIN_AUTH_SECRET_LENGTH = 32;

/** What a production server must have before it answers anyone; empty when all is well. */
export function productionConfigProblems(e: Env): string[] {
  const problems: string[] = [];
  const configuredUrl = e.APP_URL ?? operatorAuthUrl(e);
  if (!configuredUrl) {
    problems.push("APP_URL is not set. Set it to the app's public address, e.g. https://eventops.example.com: sign-in, tracking and unsubscribe links are built from it.");
  } else if (!publicOrigin(configuredUrl) || new URL(configuredUrl).pathname.replace(/\/$/, "") !== "") {
    problems.push(`APP_URL (${configuredUrl}) must be an http(s) address without a path, e.g. https://eventops.example.com.`);
  }
  if (!e.AUTH_SECRET) {
    problems.push(`AUTH_SECRET is not set. Generate one with: openssl rand -base64 32`);
  } else if (e.AUTH_SECRET.length < MIN_AUTH_SECRET_LENGTH) {
    problems.push(`AUTH_SECRET has ${e.AUTH_SECRET.length} characters; use at least ${MIN_AUTH_SECRET_LENGTH} (openssl rand -base64 32).`);
  }
  if (!e.CRON_SECRET) {
    problems.push("CRON_SECRET is not set. Set it to a long random value (openssl rand -hex 32); the scheduler sends it as a Bearer token.");
  }
  return problems;
}

/**
 * Checked when the server starts (src/instrumentation.ts): an invalid environment, or a
 * production server without its public URL and secrets, stops the boot with one clear message.
 */
export function assertBootConfig(): Env {
  const e = env();
  const problems = e.NODE_ENV === "production" ? productionConfigProblems(e) : [];
  if (problems.length > 0) {
    throw new Error(`EventOps cannot start in production:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee docs/DEPLOY.md.`);
  }
  return e;
}
