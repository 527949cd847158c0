import { describe, expect, it } from "vitest";
import { clientErrorResponse } from "./client-error";
import { newNonce, pageContentSecurityPolicy } from "./security-headers";

describe("the pages' Content-Security-Policy", () => {
  it("allows scripts by nonce only, no framing, and eval only in development", () => {
    const policy = pageContentSecurityPolicy({ nonce: "abc", development: false, https: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(pageContentSecurityPolicy({ nonce: "abc", development: true, https: false })).toContain("'unsafe-eval'");
  });

  it("upgrades plain-http requests only where the public URL is https", () => {
    expect(pageContentSecurityPolicy({ nonce: "abc", development: false, https: true })).toContain("upgrade-insecure-requests");
  });

  it("gets a fresh 128-bit nonce each time", () => {
    const [a, b] = [newNonce(), newNonce()];
    expect(a).not.toBe(b);
    expect(Buffer.from(a, "base64")).toHaveLength(16);
  });
});

describe("answers to requests Node cannot parse", () => {
  it("are JSON with the right status, and close the connection", () => {
    const answer = clientErrorResponse("HPE_HEADER_OVERFLOW");
    const [head, body] = answer.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toContain("Connection: close");
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body!)}`);
    expect(JSON.parse(body!)).toEqual({ error: { code: "headers_too_large", message: expect.any(String) } });
    expect(clientErrorResponse("HPE_INVALID_METHOD")).toMatch(/^HTTP\/1\.1 400 /);
  });
});
