import pino from "pino";
import { logLevel } from "@/server/env";

// Structured logs. Secrets and message bodies never reach a log line: known sensitive keys
// are redacted wherever they appear.
export const logger = pino({
  level: logLevel(),
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
