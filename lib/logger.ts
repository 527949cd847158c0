import "server-only";
import pino, { type DestinationStream, type LoggerOptions } from "pino";
import { env } from "@/lib/env";
import { redactSecrets, scrubTokens } from "@/lib/log-redaction";

/**
 * The logger's options. Secret-named keys are redacted wherever they appear in a logged object,
 * whatever their case or depth (lib/log-redaction.ts), as a second line of defence: the Workfront
 * client already never logs a credential or a raw URL. Child loggers' bindings are not passed
 * through the formatter by pino; they carry module names only.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { app: "wf-offboard" },
    formatters: { log: (object) => redactSecrets(object), bindings: (bindings) => redactSecrets(bindings) },
    // The message and its format arguments too, so an API token in a message string is cut out.
    hooks: {
      logMethod(args, method) {
        return method.apply(this, args.map((arg) => (typeof arg === "string" ? scrubTokens(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
}

/** A logger with the app's options writing to `destination`, for tests of what gets written. */
export function createLogger(level: string, destination?: DestinationStream) {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}

/** One structured logger for the server. */
export const logger = createLogger(env().LOG_LEVEL ?? (env().NODE_ENV === "test" ? "silent" : "info"));

export type Logger = typeof logger;
