import { parseArgs } from "node:util";
import {
  ANCHOR_DAY_ENV,
  FAULT_KINDS,
  THROTTLE_MODES,
  type EmulatorOptions,
  type FaultKind,
  type ThrottleMode,
} from "./config";

/** `npm run emulator -- --users 20000 --latency 80 --jitter 40 --fault-rate 0.05` */
export const USAGE = `Workfront REST API emulator

By default it does only what Adobe documents; every other behaviour is a switch below, off unless
given (emulator/README.md "Options" names the source of each).

Tenant:
  --host <addr>              listen address (default 127.0.0.1)
  --port <n>                 port, 0 = any free port (default 4010)
  --users <n>                seeded users, 2..100000 (default 2500)
  --seed <n>                 tenant seed; same seed, same tenant (default 1)
  --anchor-day <YYYY-MM-DD>  UTC day the seeded history is anchored to
                             (default ${ANCHOR_DAY_ENV}, else the day it starts)
  --password <text>          every seeded user's password (default workfront-demo)
  --api-key <key>            the integration user's API key (default derived from the seed)
  --api-key-ttl <ms>         API key lifetime (default 30 days)
  --session-ttl <ms>         OAuth2 access token lifetime, whole seconds (default 3600000)
  --keep-refresh-tokens      a refresh does not rotate the refresh token

Realism:
  --latency <ms>             base latency per request (default 0)
  --jitter <ms>              extra uniform latency 0..ms (default 0)
  --per-object-cost <ms>     extra latency per object written (bulk edit, /batch URI), holding
                             the request's slot (default 0)
  --per-row-cost <ms>        extra latency per row read (search row, get-many ID); default the
                             same as --per-object-cost
  --max-in-flight <n>        tenant cap on concurrent requests, 0 = none (default 10)
  --throttle <429|500|503>   answer over the cap: 429 with Retry-After, or 500/503 without it
                             and a message about the concurrent request limit (default 429)
  --fault-rate <0..1>        share of requests that fail on purpose (default 0)
  --fault-kinds <list>       comma list of ${FAULT_KINDS.join(", ")} (default all)

Undocumented behaviour, off by default:
  --batch                    serve POST /batch (off: 404, as for a path that is no API object)
  --read-put-form-bodies     read a form-encoded body on an HTTP PUT (off: ignored)
  --refuse-self-deactivation refuse a credential's deactivation of its own user
  --clear-deactivation-date-on-reactivation
                             reactivation empties actualDeactivationDate (off: kept)
  --jwt-refresh-tokens       the JWT exchange also answers a refresh_token
  --any-version              answer any vNN.N (off: only v16.0-v22.0, unversioned, api-internal,
                             api-unsupported)
  --string-enums-only        USER metadata without integer possibleValues (defaultInterface)
  --read-only-approvers      an awaiting approval's approverID cannot be edited (400)
  --read-only-checkouts      a document's checkedOutByID cannot be edited (400)
  --refuse-inactive-assignee giving work to a deactivated user answers 400 ValidationException
  --ims                      tenant on the Adobe Business Platform: /login and the username/
                             password API-key actions fail; API keys and OAuth2 still work

  --log-requests             one line per API request
  --help`;

/** Every command-line flag; USAGE names each of them (a test checks it). */
export const FLAGS = {
  host: { type: "string" },
  port: { type: "string" },
  users: { type: "string" },
  seed: { type: "string" },
  "anchor-day": { type: "string" },
  password: { type: "string" },
  "api-key": { type: "string" },
  latency: { type: "string" },
  jitter: { type: "string" },
  "per-object-cost": { type: "string" },
  "per-row-cost": { type: "string" },
  "max-in-flight": { type: "string" },
  throttle: { type: "string" },
  "fault-rate": { type: "string" },
  "fault-kinds": { type: "string" },
  "api-key-ttl": { type: "string" },
  "session-ttl": { type: "string" },
  "keep-refresh-tokens": { type: "boolean" },
  batch: { type: "boolean" },
  "read-put-form-bodies": { type: "boolean" },
  "refuse-self-deactivation": { type: "boolean" },
  "clear-deactivation-date-on-reactivation": { type: "boolean" },
  "jwt-refresh-tokens": { type: "boolean" },
  "any-version": { type: "boolean" },
  "string-enums-only": { type: "boolean" },
  "read-only-approvers": { type: "boolean" },
  "read-only-checkouts": { type: "boolean" },
  "refuse-inactive-assignee": { type: "boolean" },
  ims: { type: "boolean" },
  "log-requests": { type: "boolean" },
  help: { type: "boolean" },
} as const satisfies Record<string, { type: "string" | "boolean" }>;

function numberFlag(values: Record<string, unknown>, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got "${String(raw)}"`);
  return value;
}

/** A switch is on when given, and otherwise left to the option's default (off). */
const flag = (value: boolean | undefined): true | undefined => (value ? true : undefined);

export function parseOptions(argv: string[]): EmulatorOptions | null {
  const { values } = parseArgs({ args: argv, strict: true, options: FLAGS });
  if (values.help) return null;
  const kinds = values["fault-kinds"]
    ?.split(",")
    .map((kind) => kind.trim())
    .filter(Boolean);
  const unknown = kinds?.filter((kind) => !(FAULT_KINDS as readonly string[]).includes(kind));
  if (unknown?.length) throw new Error(`Unknown fault kinds: ${unknown.join(", ")}`);
  const throttle = values.throttle;
  if (throttle !== undefined && !(THROTTLE_MODES as readonly string[]).includes(throttle))
    throw new Error(`--throttle must be one of ${THROTTLE_MODES.join(", ")}, got "${throttle}"`);
  return {
    host: values.host,
    port: numberFlag(values, "port"),
    users: numberFlag(values, "users"),
    seed: numberFlag(values, "seed"),
    anchorDay: values["anchor-day"],
    demoPassword: values.password,
    apiKey: values["api-key"],
    latencyMs: numberFlag(values, "latency"),
    jitterMs: numberFlag(values, "jitter"),
    perObjectCostMs: numberFlag(values, "per-object-cost"),
    perRowCostMs: numberFlag(values, "per-row-cost"),
    maxInFlight: numberFlag(values, "max-in-flight"),
    throttle: throttle as ThrottleMode | undefined,
    faultRate: numberFlag(values, "fault-rate"),
    faultKinds: kinds as FaultKind[] | undefined,
    apiKeyTtlMs: numberFlag(values, "api-key-ttl"),
    sessionTtlMs: numberFlag(values, "session-ttl"),
    rotateRefreshTokens: values["keep-refresh-tokens"] ? false : undefined,
    batch: flag(values.batch),
    readPutFormBodies: flag(values["read-put-form-bodies"]),
    refuseSelfDeactivation: flag(values["refuse-self-deactivation"]),
    clearDeactivationDateOnReactivation: flag(values["clear-deactivation-date-on-reactivation"]),
    jwtRefreshTokens: flag(values["jwt-refresh-tokens"]),
    anyVersion: flag(values["any-version"]),
    stringEnumsOnly: flag(values["string-enums-only"]),
    readOnlyApprovers: flag(values["read-only-approvers"]),
    readOnlyCheckouts: flag(values["read-only-checkouts"]),
    refuseInactiveAssignee: flag(values["refuse-inactive-assignee"]),
    ims: flag(values.ims),
    logRequests: values["log-requests"] ?? false,
  };
}

/** The undocumented behaviours a run turned on, by option name. */
export const SWITCHES = [
  "batch",
  "readPutFormBodies",
  "refuseSelfDeactivation",
  "clearDeactivationDateOnReactivation",
  "jwtRefreshTokens",
  "anyVersion",
  "stringEnumsOnly",
  "ims",
  "readOnlyApprovers",
  "readOnlyCheckouts",
  "refuseInactiveAssignee",
] as const satisfies readonly (keyof EmulatorOptions)[];

export function switchesOn(options: EmulatorOptions): string[] {
  return SWITCHES.filter((name) => options[name] === true);
}
