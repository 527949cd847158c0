import { createHash } from "node:crypto";
import { z } from "zod";

/** The ways a request can fail on purpose when `faultRate` > 0. */
export const FAULT_KINDS = ["error500", "html502", "reset", "hang", "malformedJson"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * How a request over the in-flight cap is answered. Workfront's throttle signal is undocumented
 * (workfront-api.md §5, §11): 429 with `Retry-After`, or a 500/503 with no header whose message
 * speaks of the concurrent request limit.
 */
export const THROTTLE_MODES = ["429", "500", "503"] as const;
export type ThrottleMode = (typeof THROTTLE_MODES)[number];

export interface LicenseTypeOption {
  value: string;
  label: string;
}

/**
 * Everything `startEmulator` takes. The behaviour switches (`batch` … `stringEnumsOnly`) are all
 * off by default: off is what Adobe documents, on is a guess, another client's observation or a
 * convenience (the fidelity rule, emulator/README.md "Options").
 */
export interface EmulatorOptions {
  host?: string;
  port?: number;
  users?: number;
  seed?: number;
  demoPassword?: string;
  apiKey?: string;
  /** The UTC day (YYYY-MM-DD) the seeded history is anchored to; default WF_EMULATOR_ANCHOR_DAY, else today. */
  anchorDay?: string;
  latencyMs?: number;
  jitterMs?: number;
  /** Extra latency per object of a request that touches several (bulk edit, get-many, search, /batch). */
  perObjectCostMs?: number;
  /** Extra latency per row read (search rows, get-many IDs); null: the same as `perObjectCostMs`. */
  perRowCostMs?: number | null;
  maxInFlight?: number;
  throttle?: ThrottleMode;
  faultRate?: number;
  faultKinds?: FaultKind[];
  /** Serve `POST …/batch` (only the official client has it; Adobe's API docs do not). */
  batch?: boolean;
  /** Read a form-encoded body on an HTTP PUT (reported ignored by Workfront). */
  readPutFormBodies?: boolean;
  /** Refuse a credential's deactivation of its own user (undocumented). */
  refuseSelfDeactivation?: boolean;
  /** Reactivation empties actualDeactivationDate (undocumented). */
  clearDeactivationDateOnReactivation?: boolean;
  /** The JWT exchange also answers a refresh_token (machine-to-machine apps get none). */
  jwtRefreshTokens?: boolean;
  /** Answer any `vNN.N`, not only the versions on Adobe's support schedule. */
  anyVersion?: boolean;
  /** The tenant is on the Adobe Business Platform: no password login through the API. */
  ims?: boolean;
  /** USER metadata leaves out integer possibleValues (the metadata before issue 11). */
  stringEnumsOnly?: boolean;
  /** An awaiting approval's `approverID` cannot be edited (undocumented either way). */
  readOnlyApprovers?: boolean;
  /** A document's `checkedOutByID` cannot be edited (undocumented either way). */
  readOnlyCheckouts?: boolean;
  /** Giving work to a deactivated user fails with 400 ValidationException (the answer is undocumented). */
  refuseInactiveAssignee?: boolean;
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
  perObjectCostMs: number;
  perRowCostMs: number | null;
  maxInFlight: number;
  throttle: ThrottleMode;
  faultRate: number;
  faultKinds: FaultKind[];
  batch: boolean;
  readPutFormBodies: boolean;
  refuseSelfDeactivation: boolean;
  clearDeactivationDateOnReactivation: boolean;
  jwtRefreshTokens: boolean;
  anyVersion: boolean;
  ims: boolean;
  stringEnumsOnly: boolean;
  readOnlyApprovers: boolean;
  readOnlyCheckouts: boolean;
  refuseInactiveAssignee: boolean;
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
  /** "2026-12-06": the UTC day whose midnight anchors the seeded history. */
  anchorDay: string;
  licenseTypes: LicenseTypeOption[];
  quiet: boolean;
  logRequests: boolean;
}

export const MAX_USERS = 100_000;
export const ANCHOR_DAY_ENV = "WF_EMULATOR_ANCHOR_DAY";
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
    perObjectCostMs: z.number().min(0).max(60_000),
    perRowCostMs: z.number().min(0).max(60_000).nullable(),
    maxInFlight: z.number().int().min(0).max(10_000),
    throttle: z.enum(THROTTLE_MODES),
    faultRate: z.number().min(0).max(1),
    faultKinds: z.array(z.enum(FAULT_KINDS)),
    batch: z.boolean(),
    readPutFormBodies: z.boolean(),
    refuseSelfDeactivation: z.boolean(),
    clearDeactivationDateOnReactivation: z.boolean(),
    jwtRefreshTokens: z.boolean(),
    anyVersion: z.boolean(),
    ims: z.boolean(),
    stringEnumsOnly: z.boolean(),
    readOnlyApprovers: z.boolean(),
    readOnlyCheckouts: z.boolean(),
    refuseInactiveAssignee: z.boolean(),
    apiKeyTtlMs: z.number().int().positive(),
    // Whole seconds: OAuth2's expires_in is an integer, and it must never promise more than the truth.
    sessionTtlMs: z.number().int().min(1000).multipleOf(1000),
    rotateRefreshTokens: z.boolean(),
  })
  .strict();

export const runtimeConfigPatchSchema = runtimeConfigSchema.partial();

/** A real calendar day: 2026-02-30 is refused rather than rolled over into March. */
const anchorDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "anchorDay must be YYYY-MM-DD")
  .refine((day) => {
    const ms = Date.parse(`${day}T00:00:00Z`);
    return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(day);
  }, "anchorDay is not a calendar day");

const staticOptionsSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(0).max(65_535),
  users: z.number().int().min(2).max(MAX_USERS),
  seed: z.number().int(),
  demoPassword: z.string().min(1),
  apiKey: z.string().regex(/^[A-Za-z0-9._~-]{8,128}$/, "apiKey must be 8-128 URL-safe characters"),
  anchorDay: anchorDaySchema,
  licenseTypes: z.array(z.object({ value: z.string().min(1), label: z.string().min(1) })).min(1),
});

/** Same seed, same key: tests and demos can print or hard-code it. */
export function deriveApiKey(seed: number): string {
  return createHash("sha256").update(`wf-emulator-api-key:${seed}`).digest("hex").slice(0, 32);
}

/** The UTC day of `now` as YYYY-MM-DD. */
export function utcDay(now: number = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

export function resolveOptions(
  options: EmulatorOptions = {},
  env: Record<string, string | undefined> = process.env,
): {
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
    // The option (or CLI flag) wins over the environment, which wins over the day it starts.
    anchorDay: options.anchorDay ?? (env[ANCHOR_DAY_ENV] || undefined) ?? utcDay(),
    licenseTypes: options.licenseTypes ?? DEFAULT_LICENSE_TYPES,
    quiet: options.quiet ?? false,
    logRequests: options.logRequests ?? false,
  };
  const runtime: RuntimeConfig = {
    latencyMs: options.latencyMs ?? 0,
    jitterMs: options.jitterMs ?? 0,
    perObjectCostMs: options.perObjectCostMs ?? 0,
    perRowCostMs: options.perRowCostMs ?? null,
    maxInFlight: options.maxInFlight ?? 10,
    throttle: options.throttle ?? "429",
    faultRate: options.faultRate ?? 0,
    faultKinds: options.faultKinds ?? [...FAULT_KINDS],
    batch: options.batch ?? false,
    readPutFormBodies: options.readPutFormBodies ?? false,
    refuseSelfDeactivation: options.refuseSelfDeactivation ?? false,
    clearDeactivationDateOnReactivation: options.clearDeactivationDateOnReactivation ?? false,
    jwtRefreshTokens: options.jwtRefreshTokens ?? false,
    anyVersion: options.anyVersion ?? false,
    ims: options.ims ?? false,
    stringEnumsOnly: options.stringEnumsOnly ?? false,
    readOnlyApprovers: options.readOnlyApprovers ?? false,
    readOnlyCheckouts: options.readOnlyCheckouts ?? false,
    refuseInactiveAssignee: options.refuseInactiveAssignee ?? false,
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
