import { describe, expect, it } from "vitest";
import { WorkfrontError } from "./errors";
import { readEnvelope } from "./response";

function failure(status: number, body: string): WorkfrontError {
  try {
    readEnvelope(status, body);
  } catch (error) {
    if (error instanceof WorkfrontError) return error;
    throw error;
  }
  throw new Error("expected a WorkfrontError");
}

const envelope = (cls: string, message: string) => JSON.stringify({ error: { class: cls, message } });

describe("readEnvelope", () => {
  it("returns data", () => {
    expect(readEnvelope(200, '{"data":{"count":3}}')).toEqual({ count: 3 });
  });

  it("treats an error key as failure even on HTTP 200", () => {
    const error = failure(200, envelope("com.attask.common.AuthenticationException", "You are not currently logged in"));
    expect(error.code).toBe("auth");
    expect(error.retryable).toBe(false);
    expect(error.message).toBe("You are not currently logged in");
  });

  it.each([
    [401, "auth", false],
    [403, "forbidden", false],
    [404, "not_found", false],
    [400, "validation", false],
    [414, "validation", false],
    [429, "throttled", true],
    [500, "unavailable", true],
    [503, "unavailable", true],
  ] as const)("maps HTTP %d with an error body to %s", (status, code, retryable) => {
    const error = failure(status, envelope("com.attask.common.SomeException", "nope"));
    expect([error.code, error.retryable, error.status]).toEqual([code, retryable, status]);
  });

  it.each([
    [500, "com.attask.common.AuthenticationException", "auth"],
    [200, "com.attask.common.AuthenticationException", "auth"],
    [500, "com.attask.common.SecurityException", "forbidden"],
    [200, "com.attask.common.NotFoundException", "not_found"],
    [400, "com.attask.common.TooManyRequestsException", "throttled"],
    [401, "com.attask.common.ValidationException", "validation"],
    [500, "com.attask.common.ProjectStatusViolationException", "validation"],
    [503, "com.attask.common.APIModelException", "validation"],
  ] as const)("trusts the envelope's class before HTTP %d: %s is %s", (status, cls, code) => {
    expect(failure(status, envelope(cls, "some message")).code).toBe(code);
  });

  it.each([500, 503])("reads a %d about the concurrent request limit, without Retry-After, as a throttle", (status) => {
    const error = failure(status, envelope("com.attask.common.InternalException", "The concurrent API request limit has been reached"));
    expect([error.code, error.retryable, error.retryAfterMs]).toEqual(["throttled", true, undefined]);
  });

  it("reads a 500 about concurrency as a throttle", () => {
    expect(failure(500, envelope("x", "Concurrent API request limit reached")).code).toBe("throttled");
  });

  it("survives a CDN's HTML error page", () => {
    const error = failure(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
    expect(error.code).toBe("unavailable");
    expect(error.message).toContain("HTTP 502");
  });

  it("treats truncated JSON on HTTP 200 as unavailable", () => {
    expect(failure(200, '{"data":[{"ID":"ab').code).toBe("unavailable");
  });

  it("treats a body with neither data nor error as unavailable", () => {
    expect(failure(200, '{"count":3}').code).toBe("unavailable");
  });
});
