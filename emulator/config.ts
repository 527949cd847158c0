import { createHash } from "node:crypto";
import { z } from "zod";

/** The ways a request can fail on purpose when `faultRate` > 0. */
export const FAULT_KINDS = ["error500", "html502", "reset", "hang", "malformedJson"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface LicenseTypeOption {
  value: string;
  label: string;
}

export interface EmulatorOptions {
  host?: string;
  port?: number;
  users?: number;
  seed?: number;
  demoPassword?: string;
  apiKey?: string;
  latencyMs?: number;
  jitterMs?: number;
  batchUriCostMs?: number;
  maxInFlight?: number;
  throttleStatus?: number;
  faultRate?: number;
  faultKinds?: FaultKind[];
  refuseSelfDeactivation?: boolean;
  licenseTypes?: LicenseTypeOption[];
  apiKeyTtlMs?: number;
  /** Lifetime of an OAuth2 access token (a sessionID); `expires_in` is this in whole seconds. */
  sessionTtlMs?: number;
  /** Each refresh answers a new refresh token and the old one stops working (default true). */
  rotateRefreshTokens?: boolean;
  quiet?: boolean;
  /** Extra (not in the original brief): one console line per API request, for debugging a client. */
  logRequests?: boolean;
}

/** The knobs that `PATCH /__emulator/config` may change while the server runs. */
export interface RuntimeConfig {
  latencyMs: number;
  jitterMs: number;
  batchUriCostMs: number;
  maxInFlight: number;
  throttleStatus: number;
  faultRate: number;
  faultKinds: FaultKind[];
  refuseSelfDeactivation: boolean;
  apiKeyTtlMs: number;
  sessionTtlMs: number;
  rotateRefreshTokens: boolean;
}

/** Fixed at start-up: they shape the seeded tenant or the socket. */
export interface StaticConfig {
  host: string;
  port: number;
  users: number;
  seed: number;
  demoPassword: string;
  apiKey: string;
  licenseTypes: LicenseTypeOption[];
  quiet: boolean;
  logRequests: boolean;
}

export const MAX_USERS = 100_000;
// Workfront's default API key expiry is one month (manage-api-keys.md).
const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;
// The emulator's choice for an OAuth2 access token's life; Workfront's own default is undocumented.
const ONE_HOUR_MS = 60 * 60 * 1000;

export const DEFAULT_LICENSE_TYPES: LicenseTypeOption[] = [
  { value: "FULL", label: "Standard" },
  { value: "LIMITED", label: "Light" },
  { value: "REQUESTOR", label: "Contributor" },
];

export const runtimeConfigSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000),
    jitterMs: z.number().int().min(0).max(600_000),
    batchUriCostMs: z.number().int().min(0).max(60_000),
    maxInFlight: z.number().int().min(0).max(10_000),
    throttleStatus: z.number().int().min(400).max(599),
    faultRate: z.number().min(0).max(1),
    faultKinds: z.array(z.enum(FAULT_KINDS)),
    refuseSelfDeactivation: z.boolean(),
    apiKeyTtlMs: z.number().int().positive(),
    // Whole seconds: OAuth2's expires_in is an integer, and it must never promise more than the truth.
    sessionTtlMs: z.number().int().min(1000).multipleOf(1000),
    rotateRefreshTokens: z.boolean(),
  })
  .strict();

export const runtimeConfigPatchSchema = runtimeConfigSchema.partial();

const staticOptionsSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(0).max(65_535),
  users: z.number().int().min(2).max(MAX_USERS),
  seed: z.number().int(),
  demoPassword: z.string().min(1),
  apiKey: z.string().regex(/^[A-Za-z0-9._~-]{8,128}$/, "apiKey must be 8-128 URL-safe characters"),
  licenseTypes: z.array(z.object({ value: z.string().min(1), label: z.string().min(1) })).min(1),
});

/** Same seed, same key: tests and demos can print or hard-code it. */
export function deriveApiKey(seed: number): string {
  return createHash("sha256").update(`wf-emulator-api-key:${seed}`).digest("hex").slice(0, 32);
}

export function resolveOptions(options: EmulatorOptions = {}): {
  statics: StaticConfig;
  runtime: RuntimeConfig;
} {
  const seed = options.seed ?? 1;
  const statics: StaticConfig = {
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 4010,
    users: options.users ?? 2500,
    seed,
    demoPassword: options.demoPassword ?? "workfront-demo",
    apiKey: options.apiKey ?? deriveApiKey(seed),
    licenseTypes: options.licenseTypes ?? DEFAULT_LICENSE_TYPES,
    quiet: options.quiet ?? false,
    logRequests: options.logRequests ?? false,
  };
  const runtime: RuntimeConfig = {
    latencyMs: options.latencyMs ?? 0,
    jitterMs: options.jitterMs ?? 0,
    batchUriCostMs: options.batchUriCostMs ?? 0,
    maxInFlight: options.maxInFlight ?? 10,
    throttleStatus: options.throttleStatus ?? 429,
    faultRate: options.faultRate ?? 0,
    faultKinds: options.faultKinds ?? [...FAULT_KINDS],
    refuseSelfDeactivation: options.refuseSelfDeactivation ?? true,
    apiKeyTtlMs: options.apiKeyTtlMs ?? THIRTY_DAYS_MS,
    sessionTtlMs: options.sessionTtlMs ?? ONE_HOUR_MS,
    rotateRefreshTokens: options.rotateRefreshTokens ?? true,
  };
  const staticCheck = staticOptionsSchema.safeParse(statics);
  if (!staticCheck.success)
    throw new Error(`Invalid emulator options: ${z.prettifyError(staticCheck.error)}`);
  const runtimeCheck = runtimeConfigSchema.safeParse(runtime);
  if (!runtimeCheck.success)
    throw new Error(`Invalid emulator options: ${z.prettifyError(runtimeCheck.error)}`);
  return { statics, runtime };
}
