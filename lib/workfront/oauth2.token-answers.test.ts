import { describe, expect, it } from "vitest";
import { WorkfrontError } from "./errors";
import { exchangeJwt, refreshSession } from "./oauth2";
import { fakeTokenFetch, json, testApp } from "./test-oauth2-fakes";

const app = { url: "acme.my.workfront.com", clientId: "cid-1", clientSecret: "secret-value-1" };
const NOW = Date.parse("2026-12-07T09:00:00.000Z");

function refreshAnswered(status: number, body: unknown, refreshToken = "refresh-token-1") {
  const { fetch } = fakeTokenFetch(typeof body === "string" ? () => ({ status, body }) : json(status, body));
  return refreshSession(app, refreshToken, { fetch, now: () => NOW });
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof WorkfrontError)) throw error;
    return { code: error.code, message: error.message, status: error.status };
  }
  throw new Error("expected a WorkfrontError");
}

describe("a token answer", () => {
  it("becomes a session: the access token is the sessionID, issued when the request started, expiring expires_in later", async () => {
    expect(await refreshAnswered(200, { token_type: "sessionID", access_token: "sess-A", refresh_token: "ref-B", expires_in: 1_800, wid: "w" })).toEqual({
      sessionID: "sess-A",
      refreshToken: "ref-B",
      issuedAt: new Date("2026-12-07T09:00:00.000Z"),
      expiresAt: new Date("2026-12-07T09:30:00.000Z"),
    });
  });

  it("without expires_in or refresh_token: an hour's session and no refresh token", async () => {
    const expected = {
      sessionID: "sess-A",
      refreshToken: null,
      issuedAt: new Date("2026-12-07T09:00:00.000Z"),
      expiresAt: new Date("2026-12-07T10:00:00.000Z"),
    };
    expect(await refreshAnswered(200, { access_token: "sess-A" })).toEqual(expected);
    expect(await refreshAnswered(200, { access_token: "sess-A", refresh_token: null, expires_in: null })).toEqual(expected);
  });

  it("reads expires_in given as a string of seconds", async () => {
    expect((await refreshAnswered(200, { access_token: "sess-A", expires_in: "90" })).expiresAt).toEqual(
      new Date("2026-12-07T09:01:30.000Z"),
    );
  });

  it("the clock is read once the JWT is signed, for the session's issue time", async () => {
    const times = [1_000_000, 2_000_000];
    const { fetch } = fakeTokenFetch(json(200, { access_token: "sess-A", expires_in: 10 }));
    const session = await exchangeJwt(testApp, { fetch, now: () => times.shift() ?? 9_999_999 });
    expect([session.issuedAt.getTime(), session.expiresAt.getTime()]).toEqual([2_000_000, 2_010_000]);
  });

  it("without a usable access token, or with a bad lifetime or refresh token, it is refused", async () => {
    for (const body of [
      {},
      { access_token: "" },
      { access_token: 42 },
      { access_token: "sess-A", expires_in: 0 },
      { access_token: "sess-A", expires_in: -5 },
      { access_token: "sess-A", expires_in: "soon" },
      { access_token: "sess-A", refresh_token: "" },
      [],
      "null",
    ]) {
      expect(await failure(refreshAnswered(200, body)), JSON.stringify(body)).toEqual({
        code: "unavailable",
        message: "Workfront's OAuth2 answer had no access token",
        status: 200,
      });
    }
  });

  it("a body that is not JSON is refused with its status, whatever the status", async () => {
    expect(await failure(refreshAnswered(200, "<html>ok</html>"))).toEqual({
      code: "unavailable",
      message: "Workfront's OAuth2 endpoint answered HTTP 200 without JSON",
      status: 200,
    });
    expect(await failure(refreshAnswered(401, "Unauthorized"))).toEqual({
      code: "unavailable",
      message: "Workfront's OAuth2 endpoint answered HTTP 401 without JSON",
      status: 401,
    });
  });
});

describe("a refusal", () => {
  it("names the error type and the detail Workfront gave", async () => {
    expect(await failure(refreshAnswered(400, { statusCode: 400, error: true, type: "invalid_request", message: "jwt_token is missing" }))).toEqual({
      code: "validation",
      message: "Workfront refused the OAuth2 request (invalid_request): jwt_token is missing",
      status: 400,
    });
    expect(await failure(refreshAnswered(400, { error: "unsupported_grant_type", error_description: "no such grant" }))).toEqual({
      code: "validation",
      message: "Workfront refused the OAuth2 request (unsupported_grant_type): no such grant",
      status: 400,
    });
  });

  it("prefers type to error and message to error_description", async () => {
    const error = await failure(
      refreshAnswered(400, { type: "from_type", error: "from_error", message: "from message", error_description: "from description" }),
    );
    expect(error.message).toBe("Workfront refused the OAuth2 request (from_type): from message");
  });

  it("leaves out what is missing, and an error that is not a string", async () => {
    expect((await failure(refreshAnswered(400, { error: true, message: "only a detail" }))).message).toBe(
      "Workfront refused the OAuth2 request: only a detail",
    );
    expect((await failure(refreshAnswered(400, { error: true, type: "only_type" }))).message).toBe("Workfront refused the OAuth2 request (only_type)");
    expect((await failure(refreshAnswered(400, { error: { code: 7 } }))).message).toBe("Workfront refused the OAuth2 request");
    expect((await failure(refreshAnswered(400, { type: null, error: "from_error", message: null, error_description: "d" }))).message).toBe(
      "Workfront refused the OAuth2 request (from_error): d",
    );
    expect((await failure(refreshAnswered(400, { error: true, type: 5, message: "typed wrong" }))).message).toBe(
      "Workfront refused the OAuth2 request",
    );
    expect((await failure(refreshAnswered(400, ["invalid_grant"]))).message).toBe("Workfront refused the OAuth2 request");
  });

  it("401, 403, invalid_client and invalid_grant mean the app's credentials were refused (auth)", async () => {
    expect(await failure(refreshAnswered(401, {}))).toEqual({ code: "auth", message: "Workfront refused the OAuth2 request", status: 401 });
    expect((await failure(refreshAnswered(403, {}))).code).toBe("auth");
    expect(await failure(refreshAnswered(400, { error: "invalid_client" }))).toEqual({
      code: "auth",
      message: "Workfront refused the OAuth2 request (invalid_client)",
      status: 400,
    });
    expect((await failure(refreshAnswered(400, { error: true, type: "invalid_grant" }))).code).toBe("auth");
    expect((await failure(refreshAnswered(500, { error: true, type: "invalid_grant" }))).code).toBe("auth");
  });

  it("reads a refusal that has no error key: its type and detail, and invalid_grant in the type alone means auth", async () => {
    expect(await failure(refreshAnswered(400, { type: "invalid_grant", message: "refresh token expired" }))).toEqual({
      code: "auth",
      message: "Workfront refused the OAuth2 request (invalid_grant): refresh token expired",
      status: 400,
    });
    expect((await failure(refreshAnswered(400, { message: "only a detail" }))).message).toBe("Workfront refused the OAuth2 request: only a detail");
  });

  it("other statuses: 5xx is unavailable, the rest is validation", async () => {
    const codes = [];
    for (const status of [400, 402, 404, 422, 499, 500, 502, 503]) {
      codes.push([status, (await failure(refreshAnswered(status, { error: true, type: "server_error" }))).code]);
    }
    expect(codes).toEqual([
      [400, "validation"],
      [402, "validation"],
      [404, "validation"],
      [422, "validation"],
      [499, "validation"],
      [500, "unavailable"],
      [502, "unavailable"],
      [503, "unavailable"],
    ]);
  });
});

describe("secrets in a refusal", () => {
  it("the client secret and the refresh token Workfront echoes are redacted, every time they appear", async () => {
    const error = await failure(
      refreshAnswered(400, {
        error: true,
        type: "invalid_request",
        message: "bad refresh-token-1 for secret-value-1 (refresh-token-1, secret-value-1)",
      }),
    );
    expect(error.message).toBe("Workfront refused the OAuth2 request (invalid_request): bad [redacted] for [redacted] ([redacted], [redacted])");
  });

  it("the signed JWT and the client secret are redacted from an exchange's refusal", async () => {
    const { fetch } = fakeTokenFetch((request) => ({
      status: 400,
      body: JSON.stringify({ error: true, type: `bad_${request.form.client_secret}`, message: `jwt ${request.form.jwt_token} rejected` }),
    }));
    expect(await failure(exchangeJwt(testApp, { fetch }))).toEqual({
      code: "validation",
      message: "Workfront refused the OAuth2 request (bad_[redacted]): jwt [redacted] rejected",
      status: 400,
    });
  });

  it("a secret of four characters is redacted; a shorter one would mangle the message and is left", async () => {
    const four = fakeTokenFetch(json(400, { error: true, message: "abcd is wrong" }));
    expect((await failure(refreshSession({ ...app, clientSecret: "abcd" }, "refresh-token-1", { fetch: four.fetch }))).message).toBe(
      "Workfront refused the OAuth2 request: [redacted] is wrong",
    );
    const three = fakeTokenFetch(json(400, { error: true, message: "abc is wrong" }));
    expect((await failure(refreshSession({ ...app, clientSecret: "abc" }, "refresh-token-1", { fetch: three.fetch }))).message).toBe(
      "Workfront refused the OAuth2 request: abc is wrong",
    );
  });
});

describe("network failures", () => {
  it("a timeout is a timeout error", async () => {
    const { fetch } = fakeTokenFetch(() => new DOMException("The operation timed out.", "TimeoutError"));
    expect(await failure(refreshSession(app, "refresh-token-1", { fetch }))).toEqual({
      code: "timeout",
      message: "Workfront's OAuth2 endpoint did not answer in time",
      status: undefined,
    });
  });

  it("anything else that stops the request is unavailable, without the cause's text", async () => {
    for (const thrownValue of [new TypeError("fetch failed secret-value-1"), new DOMException("aborted", "AbortError")]) {
      const { fetch } = fakeTokenFetch(() => thrownValue);
      expect(await failure(refreshSession(app, "refresh-token-1", { fetch }))).toEqual({
        code: "unavailable",
        message: "Could not reach Workfront's OAuth2 endpoint",
        status: undefined,
      });
    }
  });

  it("a fetch that rejects with no error object at all is still unavailable", async () => {
    for (const reason of [null, undefined]) {
      const fetch = (() => Promise.reject(reason)) as unknown as typeof globalThis.fetch;
      expect((await failure(refreshSession(app, "refresh-token-1", { fetch }))).code).toBe("unavailable");
    }
  });

  it("a body that breaks off while being read is unavailable", async () => {
    const fetch = (async () => {
      const body = new ReadableStream({
        start(controller) {
          controller.error(new TypeError("terminated"));
        },
      });
      return new Response(body, { status: 200 });
    }) as typeof globalThis.fetch;
    expect(await failure(refreshSession(app, "refresh-token-1", { fetch }))).toEqual({
      code: "unavailable",
      message: "Could not reach Workfront's OAuth2 endpoint",
      status: undefined,
    });
  });
});
