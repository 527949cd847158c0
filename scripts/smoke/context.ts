import { createWorkfrontClient, type WorkfrontClient } from "../../lib/workfront/client";
import { type WorkfrontClientConfig, toTransportConfig } from "../../lib/workfront/config";
import { type WorkfrontRequest, type WorkfrontCredential, send } from "../../lib/workfront/transport";
import type { WorkfrontUser } from "../../lib/workfront/user";
import type { SmokeCredential } from "./credential";

export interface SmokeOptions {
  /** The tenant: https://acme.my.workfront.com (or the emulator's http://127.0.0.1:…). */
  url: string;
  /** API version without the "v", as WORKFRONT_API_VERSION. */
  version: string;
  credential: SmokeCredential;
  /** Deactivate and reactivate this test user through each write path. */
  write?: { userId: string };
  /** Probe `/batch` (and write through it with `write`). */
  batch: boolean;
  /** Every request of the run goes through this (tests use it to break one behaviour). */
  fetch?: typeof fetch;
  /** Limits, timeouts and retries of the run's clients (tests make retries fast). */
  clientSettings?: Partial<Omit<WorkfrontClientConfig, "url" | "credential" | "version" | "fetch">>;
}

/**
 * What the checks share: the options, the credential as the app's client takes it, and what earlier
 * checks learnt (whose credential this is, who the main admin is).
 */
export interface SmokeContext {
  options: SmokeOptions;
  credential: WorkfrontCredential;
  client: WorkfrontClient;
  /** A client like the app's, with another version or credential. */
  clientWith(overrides: { version?: string; credential?: WorkfrontCredential }): WorkfrontClient;
  /** One raw request through the client's transport, for what the client has no function for. */
  raw(request: Omit<WorkfrontRequest, "idempotent">): Promise<unknown>;
  self?: WorkfrontUser;
  mainAdminId?: string | null;
}

/** Short deadlines and one retry: a check should fail fast and say why, not wait out a tenant. */
const SMOKE_SETTINGS = {
  maxInFlight: 4,
  timeoutMs: 15_000,
  deadlineMs: 30_000,
  maxRetries: 1,
  retryBaseMs: 250,
  retryCapMs: 2_000,
};

export function createContext(options: SmokeOptions, credential: WorkfrontCredential): SmokeContext {
  const config = (
    overrides: { version?: string; credential?: WorkfrontCredential } = {},
  ): WorkfrontClientConfig => ({
    ...SMOKE_SETTINGS,
    ...options.clientSettings,
    url: options.url,
    version: overrides.version ?? options.version,
    credential: overrides.credential ?? credential,
    fetch: options.fetch,
  });
  return {
    options,
    credential,
    client: createWorkfrontClient(config()),
    clientWith: (overrides) => createWorkfrontClient(config(overrides)),
    raw: (request) => send(toTransportConfig(config()), { ...request, idempotent: true }),
  };
}
