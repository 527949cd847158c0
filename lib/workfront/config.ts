import { WorkfrontError } from "./errors";
import { tenantLimiter } from "./limiter";
import type { TransportConfig, TransportLogger, WorkfrontCredential } from "./transport";

export interface WorkfrontClientConfig {
  /** The tenant: a full URL (https://acme.my.workfront.com) or a bare host. Any path is ignored. */
  url: string;
  /** API version without the "v", e.g. "21.0" (default) or "15.0" as in Adobe's how-to. */
  version?: string;
  credential: WorkfrontCredential;
  /** Requests in flight to this tenant from the whole process; default 10. */
  maxInFlight?: number;
  /** Per HTTP request; default 30 s. */
  timeoutMs?: number;
  /** Per call, retries and queueing included; default 2 min. */
  deadlineMs?: number;
  /** Retries of idempotent calls after the first try; default 4. */
  maxRetries?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
  logger?: TransportLogger;
  fetch?: typeof fetch;
}

export const DEFAULT_API_VERSION = "21.0";

/** `acme.my.workfront.com` or `https://acme.my.workfront.com/anything` → `https://acme.my.workfront.com`. */
export function tenantOrigin(url: string): string {
  const withScheme = /^https?:\/\//i.test(url) ? url : `https://${url}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new WorkfrontError("validation", "The Workfront URL is not a valid URL");
  }
  if (parsed.username || parsed.password) {
    throw new WorkfrontError("validation", "The Workfront URL must not contain a user name or password");
  }
  return parsed.origin;
}

export function toTransportConfig(config: WorkfrontClientConfig): TransportConfig {
  const version = config.version ?? DEFAULT_API_VERSION;
  if (!/^\d{1,2}\.0$/.test(version)) {
    throw new WorkfrontError("validation", `Not a Workfront API version: ${JSON.stringify(version)}`);
  }
  const origin = tenantOrigin(config.url);
  return {
    apiBase: `${origin}/attask/api/v${version}`,
    credential: config.credential,
    limiter: tenantLimiter(origin, config.maxInFlight ?? 10),
    timeoutMs: config.timeoutMs ?? 30_000,
    deadlineMs: config.deadlineMs ?? 120_000,
    maxRetries: config.maxRetries ?? 4,
    retryBaseMs: config.retryBaseMs ?? 500,
    retryCapMs: config.retryCapMs ?? 8_000,
    logger: config.logger,
    fetch: config.fetch ?? globalThis.fetch,
  };
}
