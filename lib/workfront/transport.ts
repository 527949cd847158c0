import { WorkfrontError, isWorkfrontError } from "./errors";
import type { InFlightLimiter, Slot } from "./limiter";
import { readEnvelope } from "./response";
import { backoffDelay, parseRetryAfter, sleep } from "./retry";

/**
 * Sends one logical Workfront call: waits for a slot of the tenant's limiter, sends, parses, and
 * retries what is safe to retry until the call's deadline. The credential goes in a header (or, if
 * configured, the query); it is never part of what is logged or thrown.
 */
export type WorkfrontCredential =
  | { kind: "apiKey"; apiKey: string; placement?: "header" | "query" }
  | { kind: "session"; sessionID: string }
  | { kind: "none" };

export interface TransportLogger {
  debug(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface TransportConfig {
  /** e.g. https://acme.my.workfront.com/attask/api/v21.0 */
  apiBase: string;
  credential: WorkfrontCredential;
  limiter: InFlightLimiter;
  timeoutMs: number;
  deadlineMs: number;
  maxRetries: number;
  retryBaseMs: number;
  retryCapMs: number;
  logger?: TransportLogger;
  fetch: typeof fetch;
}

export interface WorkfrontRequest {
  method: "GET" | "PUT" | "POST" | "DELETE";
  /** Relative to the API base, built only from checked parts (object codes, validated IDs). */
  path: string;
  query?: URLSearchParams;
  json?: unknown;
  form?: URLSearchParams;
  /** Safe to send twice: reads, and writes that set fixed values such as isActive. */
  idempotent: boolean;
  /** Sends no credential: actions that authenticate with username and password in the form. */
  anonymous?: boolean;
  signal?: AbortSignal;
  deadlineMs?: number;
}

function buildHeaders(config: TransportConfig, request: WorkfrontRequest): Headers {
  const headers = new Headers({ accept: "application/json" });
  const credential = request.anonymous ? { kind: "none" as const } : config.credential;
  if (credential.kind === "apiKey" && credential.placement !== "query") headers.set("apiKey", credential.apiKey);
  if (credential.kind === "session") headers.set("sessionID", credential.sessionID);
  if (request.json !== undefined) headers.set("content-type", "application/json");
  if (request.form) headers.set("content-type", "application/x-www-form-urlencoded");
  return headers;
}

function buildUrl(config: TransportConfig, request: WorkfrontRequest): URL {
  const url = new URL(`${config.apiBase}/${request.path}`);
  url.search = request.query?.toString() ?? "";
  const credential = config.credential;
  if (!request.anonymous && credential.kind === "apiKey" && credential.placement === "query") {
    url.searchParams.set("apiKey", credential.apiKey);
  }
  return url;
}

/** Removes the credential's value from anything Workfront or the network layer echoed back. */
function scrub(config: TransportConfig, error: WorkfrontError): WorkfrontError {
  const credential = config.credential;
  const secret =
    credential.kind === "apiKey" ? credential.apiKey : credential.kind === "session" ? credential.sessionID : "";
  if (!secret || !error.message.includes(secret)) return error;
  return new WorkfrontError(error.code, error.message.replaceAll(secret, "[redacted]"), {
    status: error.status,
    upstreamClass: error.upstreamClass,
    retryAfterMs: error.retryAfterMs,
  });
}

function networkError(error: unknown, timedOut: boolean): WorkfrontError {
  if (timedOut) return new WorkfrontError("timeout", "Workfront did not answer in time");
  const cause = (error as { cause?: { code?: string } })?.cause;
  const detail = cause?.code ? ` (${cause.code})` : "";
  return new WorkfrontError("unavailable", `Could not reach Workfront${detail}`);
}

async function attempt(config: TransportConfig, request: WorkfrontRequest, timeoutMs: number): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  let response: Response;
  let body: string;
  try {
    response = await config.fetch(buildUrl(config, request), {
      method: request.method,
      headers: buildHeaders(config, request),
      body: request.json !== undefined ? JSON.stringify(request.json) : request.form?.toString(),
      signal,
      // A redirect could carry the apiKey header to another host; a tenant URL must answer directly.
      redirect: "error",
    });
    body = await response.text();
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    throw networkError(error, timeout.aborted);
  }
  return readEnvelope(response.status, body, parseRetryAfter(response.headers.get("retry-after")));
}

export async function send(config: TransportConfig, request: WorkfrontRequest): Promise<unknown> {
  const started = Date.now();
  const deadline = started + (request.deadlineMs ?? config.deadlineMs);
  const deadlineSignal = AbortSignal.timeout(Math.max(1, deadline - started));
  const waitSignal = request.signal ? AbortSignal.any([deadlineSignal, request.signal]) : deadlineSignal;
  const log = { method: request.method, path: request.path.replace(/[0-9a-f]{32}/g, ":id") };

  for (let attemptNumber = 0; ; attemptNumber += 1) {
    let slot: Slot;
    try {
      slot = await config.limiter.acquire(waitSignal);
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      throw new WorkfrontError("timeout", "Gave up waiting for a free Workfront connection before the deadline", {
        cause: error,
      });
    }
    let failure: WorkfrontError;
    try {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new WorkfrontError("timeout", "Workfront did not answer in time");
      const data = await attempt(config, request, Math.min(config.timeoutMs, remaining));
      slot.succeeded();
      config.logger?.debug({ ...log, attempt: attemptNumber, ms: Date.now() - started }, "workfront request");
      return data;
    } catch (error) {
      if (!isWorkfrontError(error)) throw error;
      failure = scrub(config, error);
      if (failure.code === "throttled") slot.throttled();
    } finally {
      slot.release();
    }

    const delay = Math.max(
      failure.retryAfterMs ?? 0,
      backoffDelay(attemptNumber, config.retryBaseMs, config.retryCapMs),
    );
    const retry =
      failure.retryable &&
      request.idempotent &&
      attemptNumber < config.maxRetries &&
      Date.now() + delay < deadline;
    config.logger?.warn({ ...log, attempt: attemptNumber, code: failure.code, status: failure.status, retry }, failure.message);
    if (!retry) throw failure;
    await sleep(delay, request.signal);
  }
}
