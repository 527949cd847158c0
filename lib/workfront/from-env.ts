import "server-only";
import { type Env, env } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { WorkfrontClientConfig } from "./config";

/** Everything about a client but its tenant and credential: limits, timeouts, retries, logging. */
export type ClientSettings = Omit<WorkfrontClientConfig, "url" | "credential">;

/**
 * The client settings of this process, from the environment. Every client the app builds (the
 * environment's key, a stored connection, a credential being tested) uses them, so they share the
 * tenant's in-flight limiter and log alike.
 */
export function clientSettingsFromEnv(config: Env = env()): ClientSettings {
  const log = logger.child({ module: "workfront" });
  return {
    version: config.WORKFRONT_API_VERSION,
    maxInFlight: config.WORKFRONT_MAX_IN_FLIGHT,
    timeoutMs: config.WORKFRONT_TIMEOUT_MS,
    deadlineMs: config.WORKFRONT_DEADLINE_MS,
    maxRetries: config.WORKFRONT_MAX_RETRIES,
    logger: {
      debug: (object, message) => {
        if (config.WORKFRONT_LOG_REQUESTS) log.debug(object, message);
      },
      warn: (object, message) => log.warn(object, message),
    },
  };
}

/**
 * The credential set by environment (WORKFRONT_URL + WORKFRONT_API_KEY), or null. When set it wins
 * over anything stored through the Settings page, and the page is locked.
 */
export function envCredential(config: Env = env()): Pick<WorkfrontClientConfig, "url" | "credential"> | null {
  if (!config.WORKFRONT_API_KEY) return null;
  return {
    url: config.WORKFRONT_URL,
    credential: { kind: "apiKey", apiKey: config.WORKFRONT_API_KEY, placement: config.WORKFRONT_API_KEY_PLACEMENT },
  };
}
