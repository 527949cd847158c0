import "server-only";
import pino from "pino";
import { env } from "@/lib/env";

/**
 * One structured logger for the server. Credential-bearing keys are redacted wherever they appear,
 * as a second line of defence: the Workfront client already never logs a credential or a raw URL.
 */
export const logger = pino({
  level: env().LOG_LEVEL ?? (env().NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "wf-offboard" },
  redact: {
    paths: [
      "apiKey",
      "*.apiKey",
      "sessionID",
      "*.sessionID",
      "password",
      "*.password",
      "authorization",
      "*.authorization",
      "headers.cookie",
      "*.headers.cookie",
    ],
    censor: "[redacted]",
  },
});

export type Logger = typeof logger;
