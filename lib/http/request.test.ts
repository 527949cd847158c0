import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assertSameOrigin, isSameOrigin, readJson } from "./request";

describe("isSameOrigin", () => {
  it("with a public URL, only its origin is ours, whatever Host says", () => {
    expect(isSameOrigin("https://offboard.example", "offboard.example", "https://offboard.example/")).toBe(true);
    expect(isSameOrigin("http://offboard.example", "offboard.example", "https://offboard.example")).toBe(false);
    expect(isSameOrigin("https://evil.example", "evil.example", "https://offboard.example")).toBe(false);
  });

  it("without one, the Host the browser asked for", () => {
    expect(isSameOrigin("http://127.0.0.1:3000", "127.0.0.1:3000", undefined)).toBe(true);
    expect(isSameOrigin("http://app.example", "app.example:80", undefined)).toBe(true);
    expect(isSameOrigin("https://evil.example", "127.0.0.1:3000", undefined)).toBe(false);
    expect(isSameOrigin("https://evil.example", null, undefined)).toBe(false);
    expect(isSameOrigin("null", "127.0.0.1:3000", undefined)).toBe(false);
  });
});

describe("readJson", () => {
  const schema = z.object({ a: z.number().optional() }).strict();
  const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
    new Request("http://app.test/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  const status = (promise: Promise<unknown>) =>
    promise.then(
      () => 200,
      (error: { status?: number }) => error.status ?? 400,
    );

  it("a body-less action takes no body, or JSON, and refuses any other content type even when empty", async () => {
    expect(await readJson(post(null), schema, { optional: true })).toEqual({});
    expect(await readJson(post("{}", { "content-type": "application/json" }), schema, { optional: true })).toEqual({});
    expect(await status(readJson(post("", { "content-type": "text/plain" }), schema, { optional: true }))).toBe(415);
    expect(await status(readJson(post("{}", { "content-type": "text/plain;charset=UTF-8" }), schema, { optional: true }))).toBe(415);
  });

  it("refuses a chunked body past the limit with 413, without a Content-Length to go by", async () => {
    const chunks = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode(" ".repeat(16 * 1024)));
      },
    });
    const request = post(chunks, { "content-type": "application/json" });
    expect(request.headers.get("content-length")).toBeNull();
    expect(await status(readJson(request, schema, { maxBytes: 64 * 1024 }))).toBe(413);
  });
});

describe("assertSameOrigin", () => {
  const post = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/x", { method: "POST", headers: { host: "127.0.0.1:3000", ...headers } });
  const refused = (request: Request) => {
    try {
      assertSameOrigin(request);
      return null;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };

  it("refuses a cookie request from another site, and lets a bearer-token request through (it carries no cookies to abuse)", () => {
    expect(refused(post({ origin: "https://evil.example" }))).toBe("cross_origin");
    expect(refused(post({ origin: "https://evil.example", authorization: "Bearer wfo_abc" }))).toBeNull();
    // Another scheme is no token: still checked.
    expect(refused(post({ origin: "https://evil.example", authorization: "Basic dXNlcjpwYXNz" }))).toBe("cross_origin");
    expect(refused(post({ origin: "http://127.0.0.1:3000" }))).toBeNull();
  });
});
