import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { logger } from "@/lib/logger";
import { type WorkfrontErrorCode, isWorkfrontError } from "@/lib/workfront";

/**
 * The one error contract of the JSON API: `{ "error": { "code", "message" } }` with a fitting
 * status. Clients branch on `code`; upstream details go to the log, not to the response.
 */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Headers the answer carries (Retry-After on a 429), and structured detail a client may act on (who is blocked), sent as `error.details`. */
    readonly extra: { headers?: Record<string, string>; details?: Record<string, unknown> } = {},
  ) {
    super(message);
  }
}

const workfrontErrors: Record<WorkfrontErrorCode, { status: number; code: string; message: string }> = {
  auth: {
    status: 503,
    code: "workfront_auth",
    message: "Workfront refused the credential. Reconnect Workfront in Settings (or, where it is set, update WORKFRONT_API_KEY and restart).",
  },
  forbidden: {
    status: 502,
    code: "workfront_forbidden",
    message: "The Workfront credential's user may not do this. Use a System Administrator's credential.",
  },
  not_found: { status: 404, code: "not_found", message: "Workfront has no such user." },
  validation: { status: 422, code: "workfront_rejected", message: "Workfront refused the request." },
  throttled: {
    status: 503,
    code: "workfront_busy",
    message: "Workfront is limiting requests right now. Try again in a moment.",
  },
  unavailable: {
    status: 502,
    code: "workfront_unavailable",
    message: "Workfront is not reachable or answered with an error. Try again shortly.",
  },
  timeout: { status: 504, code: "workfront_timeout", message: "Workfront did not answer in time. Try again shortly." },
  not_connected: {
    status: 503,
    code: "workfront_not_connected",
    message: "Workfront is not connected yet. An admin connects it in Settings.",
  },
};

export function errorBody(code: string, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof ApiError) {
    return NextResponse.json(errorBody(error.code, error.message, error.extra.details), { status: error.status, headers: error.extra.headers });
  }
  if (error instanceof ZodError) {
    const message = error.issues
      .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
      .join("; ");
    return NextResponse.json(errorBody("invalid_request", message), { status: 400 });
  }
  if (isWorkfrontError(error)) {
    const mapped = workfrontErrors[error.code];
    logger.warn({ code: error.code, status: error.status, upstreamClass: error.upstreamClass, detail: error.message }, "workfront call failed");
    // Workfront's own wording helps when it refused the input; otherwise say what to do.
    const message = error.code === "validation" ? `${mapped.message} ${error.message}` : mapped.message;
    return NextResponse.json(errorBody(mapped.code, message), { status: mapped.status });
  }
  if (isClientAbort(error)) {
    // The browser left or cancelled (a new search, a closed tab): nobody reads the answer, and it is no fault.
    logger.info({ reason: error instanceof Error ? error.name : String(error) }, "the client left before the answer");
    return NextResponse.json(errorBody("client_closed_request", "The request was cancelled."), { status: 499 });
  }
  logger.error({ err: error }, "unexpected error in a route handler");
  return NextResponse.json(errorBody("internal", "Something went wrong on the server."), { status: 500 });
}

/**
 * Whether an error only says that the request was aborted: the request's signal fired (Node's
 * AbortError, Next's ResponseAborted) or the socket closed under it. Never a server fault.
 */
export function isClientAbort(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  return (
    name === "AbortError" ||
    name === "ResponseAborted" ||
    code === "ECONNRESET" ||
    code === "ABORT_ERR" ||
    (typeof message === "string" && message === "aborted")
  );
}

/** Runs a handler's work and turns any thrown error into the JSON error contract. */
export async function respond(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    return errorResponse(error);
  }
}
