import { afterAll, beforeAll, beforeEach } from "vitest";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "@/emulator";
import { type WorkfrontClientConfig } from "./config";
import { createWorkfrontClient } from "./client";

/** Helpers for tests that run the client against a real emulator over HTTP. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    port: 0,
    users: 300,
    quiet: true,
    ...options,
  });
}

/**
 * An emulator for the file's tests: started before them, reset before each (every user and setting
 * as seeded), closed after them. The getter is valid inside tests and hooks.
 */
export function testEmulatorForFile(options: EmulatorOptions = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startTestEmulator(options);
  });
  afterAll(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  beforeEach(async () => {
    await control(current(), "POST", "reset");
  });
  function current(): RunningEmulator {
    if (!emulator) throw new Error("The test emulator is not running (use it inside a test or hook).");
    return emulator;
  }
  return current;
}

export function clientFor(emulator: RunningEmulator, overrides: Partial<WorkfrontClientConfig> = {}) {
  return createWorkfrontClient({
    url: emulator.url,
    credential: { kind: "apiKey", apiKey: emulator.apiKey },
    retryBaseMs: 10,
    retryCapMs: 100,
    timeoutMs: 5_000,
    deadlineMs: 15_000,
    ...overrides,
  });
}

export async function control<T = unknown>(
  emulator: RunningEmulator,
  method: "GET" | "POST" | "PATCH",
  path: string,
  body?: unknown,
): Promise<T> {
  const send = () =>
    fetch(`${emulator.url}/__emulator/${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // A kept-alive socket the server closed just as it was reused: control calls may be sent again.
  const response = await send().catch((error: unknown) => {
    if ((error as { cause?: { code?: string } })?.cause?.code === "ECONNRESET") return send();
    throw error;
  });
  if (!response.ok) throw new Error(`emulator control ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface EmulatorStats {
  total: number;
  byRoute: Record<string, number>;
  inFlight: number;
  peakInFlight: number;
  throttled: number;
  faults: Record<string, number>;
  writes: number;
}

export const stats = (emulator: RunningEmulator) => control<EmulatorStats>(emulator, "GET", "stats");
