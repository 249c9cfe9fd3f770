import { z } from "zod";

// The only module that reads process.env for server configuration. Every variable is
// documented in .env.example. Parsed lazily (and re-parsed when tests change process.env).
const csv = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is not set (npm run dev/start boot an embedded database for you)"),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  // A direct (unpooled) URL: migrations, and the job engine's own connections (LISTEN/NOTIFY and
  // session advisory locks do not work through a transaction pooler such as Neon's "-pooler").
  DIRECT_URL: optionalString,
  APP_URL: optionalString,
  AUTH_SECRET: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  ALLOWED_EMAIL_DOMAINS: csv,
  ADMIN_EMAILS: csv,
  // Lets the seeded demo team sign in and shows the dev mailbox; on by default only in development.
  DEMO_MODE: optionalString,
  SMTP_URL: optionalString,
  EMAIL_FROM: z.string().default("EventOps <no-reply@eventops.dev>"),
  SENDGRID_API_KEY: optionalString,
  SENDGRID_API_URL: z.string().default("https://api.sendgrid.com"),
  SENDGRID_WEBHOOK_PUBLIC_KEY: optionalString,
  INBOUND_PARSE_SECRET: optionalString,
  TRACKING_SECRET: optionalString,
  CRON_SECRET: optionalString,
  // Jobs one worker process runs at the same time.
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  SENTRY_DSN: optionalString,
  LOG_LEVEL: z.string().default("info"),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(100),
});

export type Env = z.infer<typeof envSchema>;

let cached: { source: NodeJS.ProcessEnv; snapshot: string; value: Env } | undefined;

export function env(): Env {
  const snapshot = JSON.stringify(pickKeys(process.env));
  if (cached && cached.snapshot === snapshot) return cached.value;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  cached = { source: process.env, snapshot, value: parsed.data };
  return parsed.data;
}

function pickKeys(source: NodeJS.ProcessEnv) {
  const keys = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];
  return keys.map((k) => source[k]);
}

/** Demo mode: the seeded team may sign in without mail and the dev mailbox exists. */
export function isDemoMode(e: Env = env()): boolean {
  if (e.DEMO_MODE !== undefined) return e.DEMO_MODE === "true" || e.DEMO_MODE === "1";
  return e.NODE_ENV !== "production";
}

export function appUrl(e: Env = env()): string {
  return (e.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
}
