import { z } from "zod";
import { WorkfrontError, type WorkfrontErrorCode } from "./errors";

/**
 * Turns what Workfront answered into `data` or a typed error. Workfront signals failure with an
 * `error` key, sometimes on HTTP 200, and its statuses are mostly undocumented; proxies in front of
 * it answer with HTML. So the body decides first, the status second, and anything else is treated
 * as the tenant being unavailable.
 */
export const upstreamErrorSchema = z.object({
  class: z.string().nullish(),
  message: z.string().nullish(),
  msgKey: z.string().nullish(),
});

export type UpstreamError = z.infer<typeof upstreamErrorSchema>;

const errorEnvelopeSchema = z.object({ error: upstreamErrorSchema });
const dataEnvelopeSchema = z.object({ data: z.unknown() }).refine((body) => body.data !== undefined);

function codeFromStatus(status: number): WorkfrontErrorCode | undefined {
  if (status === 401) return "auth";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 408) return "timeout";
  if (status === 429) return "throttled";
  if (status >= 400 && status < 500) return "validation";
  if (status >= 500) return "unavailable";
  return undefined;
}

// Workfront's exception class is its most reliable signal (only one HTTP status is documented), so
// it decides first: a 500 whose class is an AuthenticationException is a refused credential, not
// an outage. Classes seen in Adobe's docs and the official client's fixtures, by family.
const codeByClass: [RegExp, WorkfrontErrorCode][] = [
  [/AuthenticationException/, "auth"],
  [/SecurityException|AccessDenied|PermissionException|ForbiddenException/, "forbidden"],
  [/NotFoundException/, "not_found"],
  [/TooManyRequests|Throttl/i, "throttled"],
  [/ValidationException|APIModelException|InvalidParameterException|JSONException|IllegalArgumentException|ViolationException/, "validation"],
];

// Messages, for answers whose class says nothing specific (none, or a generic internal error).
const codeByMessage: [RegExp, WorkfrontErrorCode][] = [
  [/not currently logged in|notloggedin/i, "auth"],
  [/too many requests|throttl|concurren|rate limit/i, "throttled"],
  [/does not exist|no such/i, "not_found"],
  [/not authorized|permission|access denied/i, "forbidden"],
];

const firstMatch = (table: [RegExp, WorkfrontErrorCode][], text: string) =>
  table.find(([pattern]) => pattern.test(text))?.[1];

/** The envelope's class first, then its message, then the HTTP status; "validation" otherwise. */
export function classifyUpstreamError(error: UpstreamError, status?: number): WorkfrontErrorCode {
  const byClass = firstMatch(codeByClass, error.class ?? "");
  if (byClass) return byClass;
  const byMessage = firstMatch(codeByMessage, `${error.msgKey ?? ""} ${error.message ?? ""}`);
  const byStatus = status === undefined ? undefined : codeFromStatus(status);
  // A message that names the cause beats a generic status: a 500 about concurrency is a throttle.
  if (byMessage && (byStatus === undefined || byStatus === "unavailable" || byStatus === "validation")) return byMessage;
  return byStatus ?? byMessage ?? "validation";
}

export function upstreamError(error: UpstreamError, status: number | undefined, extra: { retryAfterMs?: number } = {}) {
  const code = classifyUpstreamError(error, status);
  const message = error.message?.trim() || `Workfront refused the request (${error.class ?? "no class"})`;
  return new WorkfrontError(code, message, {
    status,
    upstreamClass: error.class ?? undefined,
    retryAfterMs: extra.retryAfterMs,
  });
}

/** Parses one HTTP answer; returns `data` or throws a WorkfrontError. */
export function readEnvelope(status: number, bodyText: string, retryAfterMs?: number): unknown {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    json = undefined;
  }
  const failure = errorEnvelopeSchema.safeParse(json);
  if (failure.success) throw upstreamError(failure.data.error, status, { retryAfterMs });
  const statusCode = codeFromStatus(status);
  if (statusCode) {
    throw new WorkfrontError(statusCode, `Workfront answered HTTP ${status} without an API error body`, {
      status,
      retryAfterMs,
    });
  }
  const success = dataEnvelopeSchema.safeParse(json);
  if (success.success) return success.data.data;
  throw new WorkfrontError("unavailable", "Workfront's answer was not the API's JSON", { status });
}
