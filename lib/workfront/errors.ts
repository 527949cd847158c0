/**
 * The one error family of the Workfront client. `code` is what callers branch on; `retryable` says
 * whether the same request may succeed later. Messages never carry a credential or a raw URL.
 */
export const workfrontErrorCodes = [
  "auth", // credential missing, wrong, expired or cleared: reconnect Workfront
  "forbidden", // the credential's user may not do this
  "not_found",
  "validation", // Workfront refused the input (bad ID, unknown field, a rule such as "main admin")
  "throttled", // too many requests in flight for the tenant
  "unavailable", // 5xx, a CDN error page, a reset connection, a body that is not the API's JSON
  "timeout", // no answer within the per-request timeout or the call's deadline
  "not_connected", // the app has no credential at all: an admin connects Workfront first
] as const;

export type WorkfrontErrorCode = (typeof workfrontErrorCodes)[number];

const retryableCodes: Record<WorkfrontErrorCode, boolean> = {
  auth: false,
  forbidden: false,
  not_found: false,
  validation: false,
  throttled: true,
  unavailable: true,
  timeout: true,
  not_connected: false,
};

export interface WorkfrontErrorDetails {
  status?: number;
  /** Workfront's exception class, e.g. com.attask.common.AuthenticationException. */
  upstreamClass?: string;
  /** Milliseconds from a Retry-After header, when Workfront sent one. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * Marks instances across module copies: Next bundles a module once per route, and the app's one
 * Workfront client (lib/connection, kept on globalThis) throws errors of the copy that built it,
 * which `instanceof` in another route's copy would not recognise.
 */
const BRAND = Symbol.for("wf-offboard.WorkfrontError");

export class WorkfrontError extends Error {
  override name = "WorkfrontError";
  readonly [BRAND] = true;
  readonly code: WorkfrontErrorCode;
  readonly retryable: boolean;
  readonly status?: number;
  readonly upstreamClass?: string;
  readonly retryAfterMs?: number;

  constructor(code: WorkfrontErrorCode, message: string, details: WorkfrontErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.retryable = retryableCodes[code];
    this.status = details.status;
    this.upstreamClass = details.upstreamClass;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export function isWorkfrontError(error: unknown): error is WorkfrontError {
  return error instanceof WorkfrontError || (typeof error === "object" && error !== null && BRAND in error);
}

/** No usable credential: refused (`auth`) or none at all (`not_connected`). Both need an admin. */
export function isCredentialError(error: unknown): boolean {
  return isWorkfrontError(error) && (error.code === "auth" || error.code === "not_connected");
}
