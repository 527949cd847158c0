import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { WorkfrontError } from "./errors";
import { type WorkfrontClient, createWorkfrontClient } from "./client";

let client: WorkfrontClient | undefined;

/** The app's one Workfront client, configured from the environment. */
export function workfront(): WorkfrontClient {
  if (client) return client;
  const config = env();
  if (!config.WORKFRONT_API_KEY) {
    throw new WorkfrontError("auth", "No Workfront credential is configured: set WORKFRONT_API_KEY");
  }
  const log = logger.child({ module: "workfront" });
  client = createWorkfrontClient({
    url: config.WORKFRONT_URL,
    version: config.WORKFRONT_API_VERSION,
    credential: { kind: "apiKey", apiKey: config.WORKFRONT_API_KEY, placement: config.WORKFRONT_API_KEY_PLACEMENT },
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
  });
  return client;
}
