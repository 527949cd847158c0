import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WorkfrontError } from "./errors";
import { InFlightLimiter } from "./limiter";
import { type TransportConfig, type WorkfrontCredential, type WorkfrontRequest, send } from "./transport";

/**
 * The transport on its own, with a fetch that answers as a tenant would (or a local server where
 * the network's own behaviour matters): what reaches the caller, what is retried, what is refused.
 */
const SECRET = "0123456789abcdef0123456789abcdef";

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

function fakeFetch(answers: Answer[]) {
  const calls: { url: URL; init: RequestInit }[] = [];
  const fetch = (async (input: URL, init: RequestInit) => {
    calls.push({ url: new URL(input), init });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: answer.headers });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

function config(overrides: Partial<TransportConfig> & { fetch: typeof fetch }): TransportConfig {
  return {
    apiBase: "https://acme.my.workfront.com/attask/api/v21.0",
    credential: { kind: "apiKey", apiKey: SECRET },
    limiter: new InFlightLimiter(2),
    timeoutMs: 5_000,
    deadlineMs: 60_000,
    maxRetries: 3,
    retryBaseMs: 0,
    retryCapMs: 0,
    ...overrides,
  };
}

const read: WorkfrontRequest = { method: "GET", path: "user/search", idempotent: true };

async function failure(promise: Promise<unknown>): Promise<WorkfrontError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkfrontError) return error;
    throw error;
  }
  throw new Error("expected a WorkfrontError");
}

describe("the credential", () => {
  it("goes in the apiKey header by default, or in the query when configured, never both", async () => {
    const header = fakeFetch([{ status: 200, body: { data: [] } }]);
    await send(config({ fetch: header.fetch }), read);
    expect(new Headers(header.calls[0]!.init.headers).get("apiKey")).toBe(SECRET);
    expect(header.calls[0]!.url.searchParams.has("apiKey")).toBe(false);

    const query = fakeFetch([{ status: 200, body: { data: [] } }]);
    await send(config({ fetch: query.fetch, credential: { kind: "apiKey", apiKey: SECRET, placement: "query" } }), read);
    expect(query.calls[0]!.url.searchParams.get("apiKey")).toBe(SECRET);
    expect(new Headers(query.calls[0]!.init.headers).has("apiKey")).toBe(false);
  });

  it("is left out of an anonymous request", async () => {
    const { fetch, calls } = fakeFetch([{ status: 200, body: { data: {} } }]);
    const cfg = config({ fetch, credential: { kind: "apiKey", apiKey: SECRET, placement: "query" } });
    await send(cfg, { ...read, anonymous: true });
    expect(calls[0]!.url.searchParams.has("apiKey")).toBe(false);
    expect(new Headers(calls[0]!.init.headers).has("apiKey")).toBe(false);
  });

  const echoed: [string, WorkfrontCredential, string][] = [
    ["an API key", { kind: "apiKey", apiKey: SECRET }, SECRET],
    ["an API key sent in the query", { kind: "apiKey", apiKey: SECRET, placement: "query" }, SECRET],
    ["a session ID", { kind: "session", sessionID: "sess-9f8e7d6c5b4a" }, "sess-9f8e7d6c5b4a"],
  ];
  it.each(echoed)("is redacted from an error when the tenant echoes %s back", async (_, credential, secret) => {
    const { fetch } = fakeFetch([
      {
        status: 401,
        body: { error: { class: "com.attask.common.AuthenticationException", message: `Invalid key ${secret} (expired)` } },
      },
    ]);
    const error = await failure(send(config({ fetch, credential }), read));
    expect(error.code).toBe("auth");
    expect(error.status).toBe(401);
    expect(error.upstreamClass).toBe("com.attask.common.AuthenticationException");
    expect(error.message).toBe("Invalid key [redacted] (expired)");
    expect(`${error.message} ${error.stack}`).not.toContain(secret);
  });

  it("leaves an error that does not contain it as it was", async () => {
    const { fetch } = fakeFetch([{ status: 403, body: { error: { class: "SecurityException", message: "No access" } } }]);
    const error = await failure(send(config({ fetch }), read));
    expect([error.code, error.message]).toEqual(["forbidden", "No access"]);
  });
});

describe("retries", () => {
  it("retries an idempotent call that may pass, up to maxRetries, then answers the last failure", async () => {
    const { fetch, calls } = fakeFetch([{ status: 503, body: { error: { message: "down" } } }]);
    const error = await failure(send(config({ fetch, maxRetries: 2 }), read));
    expect(error.code).toBe("unavailable");
    expect(calls).toHaveLength(3);
  });

  it("returns the first success after failures", async () => {
    const { fetch, calls } = fakeFetch([
      { status: 429, body: { error: { message: "Too many requests" } }, headers: { "retry-after": "0" } },
      { status: 200, body: { data: ["ok"] } },
    ]);
    expect(await send(config({ fetch }), read)).toEqual(["ok"]);
    expect(calls).toHaveLength(2);
  });

  it("never sends a write that is not idempotent twice", async () => {
    const { fetch, calls } = fakeFetch([{ status: 503, body: { error: { message: "down" } } }]);
    await failure(send(config({ fetch }), { method: "POST", path: "user", idempotent: false, json: {} }));
    expect(calls).toHaveLength(1);
  });

  it("does not retry what cannot pass (a refused credential, a validation error)", async () => {
    for (const body of [{ error: { class: "AuthenticationException" } }, { error: { class: "ValidationException" } }]) {
      const { fetch, calls } = fakeFetch([{ status: 400, body }]);
      await failure(send(config({ fetch }), read));
      expect(calls).toHaveLength(1);
    }
  });

  it("gives up at once when the tenant's Retry-After reaches past the call's deadline", async () => {
    const { fetch, calls } = fakeFetch([
      { status: 429, body: { error: { message: "Too many requests" } }, headers: { "retry-after": "3600" } },
    ]);
    const error = await failure(send(config({ fetch, deadlineMs: 60_000 }), read));
    expect([error.code, error.retryAfterMs]).toEqual(["throttled", 3_600_000]);
    expect(calls).toHaveLength(1);
  });

  it("stops waiting with the caller's reason when the caller aborts", async () => {
    const controller = new AbortController();
    const reason = new Error("caller gone");
    const fetch = (async () => {
      controller.abort(reason);
      return new Response("{}", { status: 503 });
    }) as unknown as typeof globalThis.fetch;
    await expect(send(config({ fetch, retryBaseMs: 60_000, retryCapMs: 60_000 }), { ...read, signal: controller.signal })).rejects.toBe(reason);
  });
});

describe("redirects", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });
  async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("are refused: the credential never reaches the host a tenant redirects to", async () => {
    const elsewhere: string[] = [];
    const other = await listen((request, response) => {
      elsewhere.push(`${request.url} ${request.headers.apikey ?? ""}`);
      response.end(JSON.stringify({ data: [] }));
    });
    const tenant = await listen((request, response) => {
      response.writeHead(302, { location: `${other}${request.url}` }).end();
    });
    const error = await failure(send(config({ fetch, apiBase: `${tenant}/attask/api/v21.0`, maxRetries: 0 }), read));
    expect(error.code).toBe("unavailable");
    expect(elsewhere).toEqual([]);
  });
});
