import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { clientSettingsFromEnv, envCredential } from "./from-env";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Replaces the child logger the settings make with one that records its calls. */
function recordingChild() {
  const calls: unknown[][] = [];
  const child = {
    debug: (...args: unknown[]) => calls.push(["debug", ...args]),
    warn: (...args: unknown[]) => calls.push(["warn", ...args]),
  };
  const spy = vi.spyOn(logger, "child").mockReturnValue(child as unknown as ReturnType<typeof logger.child>);
  return { calls, spy };
}

describe("clientSettingsFromEnv", () => {
  it("takes version, in-flight cap, timeout, deadline and retries from the environment, and nothing else", () => {
    recordingChild();
    const settings = clientSettingsFromEnv(
      parseEnv({
        WORKFRONT_API_VERSION: "22.0",
        WORKFRONT_MAX_IN_FLIGHT: "7",
        WORKFRONT_TIMEOUT_MS: "1234",
        WORKFRONT_DEADLINE_MS: "5678",
        WORKFRONT_MAX_RETRIES: "0",
        WORKFRONT_API_KEY: "env-key-123",
      }),
    );
    const { logger: settingsLogger, ...rest } = settings;
    expect(rest).toEqual({ version: "22.0", maxInFlight: 7, timeoutMs: 1_234, deadlineMs: 5_678, maxRetries: 0 });
    expect(Object.keys(settingsLogger ?? {}).sort()).toEqual(["debug", "warn"]);
  });

  it("logs through a child logger of the workfront module", () => {
    const { spy } = recordingChild();
    clientSettingsFromEnv(parseEnv({}));
    expect(spy.mock.calls).toEqual([[{ module: "workfront" }]]);
  });

  it("passes warnings on always, and request logs only with WORKFRONT_LOG_REQUESTS", () => {
    const quiet = recordingChild();
    const quietLogger = clientSettingsFromEnv(parseEnv({})).logger!;
    quietLogger.debug({ path: "user/search" }, "request");
    quietLogger.warn({ status: 429 }, "throttled");
    expect(quiet.calls).toEqual([["warn", { status: 429 }, "throttled"]]);
    vi.restoreAllMocks();

    const verbose = recordingChild();
    const verboseLogger = clientSettingsFromEnv(parseEnv({ WORKFRONT_LOG_REQUESTS: "true" })).logger!;
    verboseLogger.debug({ path: "user/search" }, "request");
    verboseLogger.warn({ status: 503 }, "retrying");
    expect(verbose.calls).toEqual([
      ["debug", { path: "user/search" }, "request"],
      ["warn", { status: 503 }, "retrying"],
    ]);
  });
});

describe("envCredential", () => {
  it("is null without WORKFRONT_API_KEY", () => {
    expect(envCredential(parseEnv({ WORKFRONT_URL: "https://acme.my.workfront.com" }))).toBeNull();
    expect(envCredential(parseEnv({ WORKFRONT_API_KEY: "" }))).toBeNull();
  });

  it("is the tenant and the key, sent in a header unless the query is asked for", () => {
    expect(envCredential(parseEnv({ WORKFRONT_URL: "https://acme.my.workfront.com", WORKFRONT_API_KEY: "env-key-123" }))).toEqual({
      url: "https://acme.my.workfront.com",
      credential: { kind: "apiKey", apiKey: "env-key-123", placement: "header" },
    });
    expect(
      envCredential(
        parseEnv({ WORKFRONT_URL: "https://acme.my.workfront.com", WORKFRONT_API_KEY: "env-key-123", WORKFRONT_API_KEY_PLACEMENT: "query" }),
      ),
    ).toEqual({
      url: "https://acme.my.workfront.com",
      credential: { kind: "apiKey", apiKey: "env-key-123", placement: "query" },
    });
  });
});
