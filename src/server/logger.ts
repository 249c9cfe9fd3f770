import pino from "pino";

// Structured logs. Secrets and message bodies never reach a log line: known sensitive keys
// are redacted wherever they appear.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { app: "eventops" },
  redact: {
    paths: [
      "*.password", "*.token", "*.secret", "*.authorization", "*.cookie", "*.apiKey",
      "*.html", "*.text", "*.body", "*.sessionToken",
      "headers.authorization", "headers.cookie",
    ],
    censor: "[redacted]",
  },
});
