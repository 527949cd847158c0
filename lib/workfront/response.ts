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

// Class and message patterns for answers whose status says nothing (HTTP 200, or inside /batch).
const codeByPattern: [RegExp, WorkfrontErrorCode][] = [
  [/AuthenticationException|not currently logged in|notloggedin/i, "auth"],
  [/TooManyRequests|throttl|concurren|rate limit/i, "throttled"],
  [/NotFound|does not exist|no such/i, "not_found"],
  [/Security|Permission|AccessDenied|Forbidden|not authorized/i, "forbidden"],
];

export function classifyUpstreamError(error: UpstreamError, status?: number): WorkfrontErrorCode {
  const text = `${error.class ?? ""} ${error.msgKey ?? ""} ${error.message ?? ""}`;
  const byText = codeByPattern.find(([pattern]) => pattern.test(text))?.[1];
  const byStatus = status === undefined ? undefined : codeFromStatus(status);
  // A 500 that talks about concurrency limits is a throttle in disguise.
  if (byStatus === "unavailable" && byText === "throttled") return "throttled";
  return byStatus ?? byText ?? "validation";
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
