import { expect } from "vitest";
import type { RunningEmulator } from "@/emulator";
import type { SmokeOptions } from "./context";
import type { Result, SmokeRow } from "./rows";
import { runSmoke } from "./run-smoke";

/**
 * Helpers for the smoke check's tests: a run against an emulator over HTTP, and a `fetch` that
 * breaks one behaviour of the tenant (the emulator stays as it is for everything else).
 */
export type Rule = (
  url: URL,
  init: RequestInit | undefined,
) => Response | undefined | Promise<Response | undefined>;

export function breaking(rule: Rule): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return (await rule(url, init)) ?? fetch(input, init);
  };
}

export function workfrontError(status: number, errorClass: string, message: string): Response {
  return new Response(JSON.stringify({ error: { class: errorClass, message } }), {
    status,
    headers: { "content-type": "application/json" },
  });
}

export const headerOf = (init: RequestInit | undefined, name: string) => new Headers(init?.headers).get(name);

export function smokeOf(emulator: RunningEmulator, overrides: Partial<SmokeOptions> = {}) {
  return runSmoke({
    url: emulator.url,
    version: "21.0",
    credential: { kind: "apiKey", apiKey: emulator.apiKey, placement: "header" },
    batch: false,
    clientSettings: { retryBaseMs: 5, retryCapMs: 20, timeoutMs: 5_000, deadlineMs: 10_000 },
    ...overrides,
  });
}

export function rowOf(rows: readonly SmokeRow[], check: string): SmokeRow {
  const found = rows.find((entry) => entry.check === check);
  expect(found, `no row "${check}" in ${rows.map((entry) => entry.check).join(", ")}`).toBeDefined();
  return found!;
}

/** Every row's result by its check, for one readable assertion. */
export const results = (rows: readonly SmokeRow[]): Record<string, Result> =>
  Object.fromEntries(rows.map((entry) => [entry.check, entry.result]));

export const failures = (rows: readonly SmokeRow[]) => rows.filter((entry) => entry.result === "FAIL");
