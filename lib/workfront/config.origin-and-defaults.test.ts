import { describe, expect, it } from "vitest";
import { DEFAULT_API_VERSION, tenantOrigin, toTransportConfig } from "./config";
import { WorkfrontError } from "./errors";

function thrown(action: () => unknown): { name: string; code: string; message: string } {
  try {
    action();
  } catch (error) {
    if (!(error instanceof WorkfrontError)) throw error;
    return { name: error.name, code: error.code, message: error.message };
  }
  throw new Error("expected a WorkfrontError");
}

describe("tenantOrigin", () => {
  it("adds https:// to a bare host and drops any path, query or fragment", () => {
    expect(tenantOrigin("acme.my.workfront.com")).toBe("https://acme.my.workfront.com");
    expect(tenantOrigin("acme.my.workfront.com/attask/api?x=1#y")).toBe("https://acme.my.workfront.com");
  });

  it("keeps a scheme that is already there, http or https, in any case", () => {
    expect(tenantOrigin("http://127.0.0.1:4010/attask/api/v21.0")).toBe("http://127.0.0.1:4010");
    expect(tenantOrigin("https://acme.my.workfront.adobe.com/setup")).toBe("https://acme.my.workfront.adobe.com");
    expect(tenantOrigin("HTTP://Acme.Example:8080/x")).toBe("http://acme.example:8080");
  });

  it("only reads a scheme at the very start of the text", () => {
    expect(tenantOrigin("acme.example/next?to=https://other.example")).toBe("https://acme.example");
  });

  it("refuses text that is no URL even with https:// in front", () => {
    expect(thrown(() => tenantOrigin("acme example.com"))).toEqual({
      name: "WorkfrontError",
      code: "validation",
      message: "The Workfront URL is not a valid URL",
    });
    expect(thrown(() => tenantOrigin(""))).toEqual({
      name: "WorkfrontError",
      code: "validation",
      message: "The Workfront URL is not a valid URL",
    });
  });

  it("refuses a URL carrying a user name or a password, each on its own", () => {
    const expected = {
      name: "WorkfrontError",
      code: "validation",
      message: "The Workfront URL must not contain a user name or password",
    };
    expect(thrown(() => tenantOrigin("https://admin@acme.my.workfront.com"))).toEqual(expected);
    expect(thrown(() => tenantOrigin("https://:s3cret@acme.my.workfront.com"))).toEqual(expected);
    expect(thrown(() => tenantOrigin("admin:s3cret@acme.my.workfront.com"))).toEqual(expected);
  });
});

describe("toTransportConfig", () => {
  it("fills every default: v21.0, 10 in flight, 30 s, 2 min, 4 retries, 500 ms base, 8 s cap, global fetch", () => {
    const credential = { kind: "apiKey", apiKey: "k-123456" } as const;
    const transport = toTransportConfig({ url: "defaults.config-test.example/anything", credential });
    expect(DEFAULT_API_VERSION).toBe("21.0");
    expect({
      apiBase: transport.apiBase,
      credential: transport.credential,
      max: transport.limiter.stats().max,
      timeoutMs: transport.timeoutMs,
      deadlineMs: transport.deadlineMs,
      maxRetries: transport.maxRetries,
      retryBaseMs: transport.retryBaseMs,
      retryCapMs: transport.retryCapMs,
      logger: transport.logger,
      globalFetch: transport.fetch === globalThis.fetch,
    }).toEqual({
      apiBase: "https://defaults.config-test.example/attask/api/v21.0",
      credential: { kind: "apiKey", apiKey: "k-123456" },
      max: 10,
      timeoutMs: 30_000,
      deadlineMs: 120_000,
      maxRetries: 4,
      retryBaseMs: 500,
      retryCapMs: 8_000,
      logger: undefined,
      globalFetch: true,
    });
  });

  it("passes every setting through, zero retries included", () => {
    const logger = { debug: () => {}, warn: () => {} };
    const fetcher = (async () => new Response("{}")) as typeof fetch;
    const credential = { kind: "session", sessionID: "s-1" } as const;
    const transport = toTransportConfig({
      url: "http://127.0.0.1:4321",
      version: "15.0",
      credential,
      maxInFlight: 3,
      timeoutMs: 1_234,
      deadlineMs: 5_678,
      maxRetries: 0,
      retryBaseMs: 7,
      retryCapMs: 70,
      logger,
      fetch: fetcher,
    });
    expect(transport.apiBase).toBe("http://127.0.0.1:4321/attask/api/v15.0");
    expect(transport.credential).toEqual({ kind: "session", sessionID: "s-1" });
    expect(transport.limiter.stats().max).toBe(3);
    expect([transport.timeoutMs, transport.deadlineMs, transport.maxRetries, transport.retryBaseMs, transport.retryCapMs]).toEqual([
      1_234, 5_678, 0, 7, 70,
    ]);
    expect(transport.logger).toBe(logger);
    expect(transport.fetch).toBe(fetcher);
  });

  it("accepts one- and two-digit major versions ending in .0", () => {
    const base = (version: string) =>
      toTransportConfig({ url: "versions.config-test.example", version, credential: { kind: "none" } }).apiBase;
    expect(base("9.0")).toBe("https://versions.config-test.example/attask/api/v9.0");
    expect(base("22.0")).toBe("https://versions.config-test.example/attask/api/v22.0");
  });

  it("refuses anything else as a version, quoting it", () => {
    for (const version of ["v21.0", "21", "21.1", "21x0", "100.0", "21.0 ", " 21.0", ".0", ""]) {
      const error = thrown(() => toTransportConfig({ url: "acme.example", version, credential: { kind: "none" } }));
      expect(error, version).toEqual({
        name: "WorkfrontError",
        code: "validation",
        message: `Not a Workfront API version: ${JSON.stringify(version)}`,
      });
    }
  });

  it("checks the version before the URL", () => {
    expect(thrown(() => toTransportConfig({ url: "acme example", version: "x", credential: { kind: "none" } })).message).toBe(
      'Not a Workfront API version: "x"',
    );
  });

  it("refuses a bad tenant URL", () => {
    expect(thrown(() => toTransportConfig({ url: "https://u@acme.example", credential: { kind: "none" } })).message).toBe(
      "The Workfront URL must not contain a user name or password",
    );
  });
});
