import { parseArgs } from "node:util";
import { FAULT_KINDS, type EmulatorOptions, type FaultKind } from "./config";
import { MAIN_ADMIN_USERNAME } from "./seed/generate-tenant";
import { startEmulator } from "./index";

/** `npm run emulator -- --users 20000 --latency 80 --jitter 40 --fault-rate 0.05` */
const USAGE = `Workfront REST API emulator

Options:
  --host <addr>              listen address (default 127.0.0.1)
  --port <n>                 port, 0 = any free port (default 4010)
  --users <n>                seeded users, 2..100000 (default 2500)
  --seed <n>                 tenant seed; same seed, same tenant (default 1)
  --password <text>          every seeded user's password (default workfront-demo)
  --api-key <key>            the integration user's API key (default derived from the seed)
  --latency <ms>             base latency per request (default 0)
  --jitter <ms>              extra uniform latency 0..ms (default 0)
  --batch-uri-cost <ms>      extra latency per URI inside /batch (default 0)
  --max-in-flight <n>        tenant cap on concurrent requests, 0 = none (default 10)
  --throttle-status <code>   status when over the cap (default 429)
  --fault-rate <0..1>        share of requests that fail on purpose (default 0)
  --fault-kinds <list>       comma list of ${FAULT_KINDS.join(", ")} (default all)
  --api-key-ttl <ms>         API key lifetime (default 30 days)
  --session-ttl <ms>         OAuth2 access token lifetime, whole seconds (default 3600000)
  --keep-refresh-tokens      a refresh does not rotate the refresh token
  --allow-self-deactivation  let a credential deactivate its own user
  --log-requests             one line per API request
  --help`;

function numberFlag(values: Record<string, unknown>, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got "${String(raw)}"`);
  return value;
}

function parseOptions(argv: string[]): EmulatorOptions | null {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      host: { type: "string" },
      port: { type: "string" },
      users: { type: "string" },
      seed: { type: "string" },
      password: { type: "string" },
      "api-key": { type: "string" },
      latency: { type: "string" },
      jitter: { type: "string" },
      "batch-uri-cost": { type: "string" },
      "max-in-flight": { type: "string" },
      "throttle-status": { type: "string" },
      "fault-rate": { type: "string" },
      "fault-kinds": { type: "string" },
      "api-key-ttl": { type: "string" },
      "session-ttl": { type: "string" },
      "keep-refresh-tokens": { type: "boolean" },
      "allow-self-deactivation": { type: "boolean" },
      "log-requests": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return null;
  const kinds = values["fault-kinds"]
    ?.split(",")
    .map((kind) => kind.trim())
    .filter(Boolean);
  const unknown = kinds?.filter((kind) => !(FAULT_KINDS as readonly string[]).includes(kind));
  if (unknown?.length) throw new Error(`Unknown fault kinds: ${unknown.join(", ")}`);
  return {
    host: values.host,
    port: numberFlag(values, "port"),
    users: numberFlag(values, "users"),
    seed: numberFlag(values, "seed"),
    demoPassword: values.password,
    apiKey: values["api-key"],
    latencyMs: numberFlag(values, "latency"),
    jitterMs: numberFlag(values, "jitter"),
    batchUriCostMs: numberFlag(values, "batch-uri-cost"),
    maxInFlight: numberFlag(values, "max-in-flight"),
    throttleStatus: numberFlag(values, "throttle-status"),
    faultRate: numberFlag(values, "fault-rate"),
    faultKinds: kinds as FaultKind[] | undefined,
    apiKeyTtlMs: numberFlag(values, "api-key-ttl"),
    sessionTtlMs: numberFlag(values, "session-ttl"),
    rotateRefreshTokens: values["keep-refresh-tokens"] ? false : undefined,
    refuseSelfDeactivation: values["allow-self-deactivation"] ? false : undefined,
    logRequests: values["log-requests"] ?? false,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return;
  }
  const emulator = await startEmulator(options);
  const user = emulator.integrationUser;
  console.log(
    [
      `  API base        ${emulator.url}/attask/api/v21.0   (any vNN.0, or unversioned)`,
      `  control API     ${emulator.url}/__emulator/info`,
      `  OAuth2          ${emulator.url}/integrations/oauth2/api/v1/jwt/exchange   (register an app: POST /__emulator/oauth-apps)`,
      `  integration     ${user.name} <${user.username}>  password: ${user.password}`,
      `  API key         ${emulator.apiKey}`,
      `  main admin      ${MAIN_ADMIN_USERNAME} (ID ${emulator.adminUserID}) — cannot be deactivated`,
    ].join("\n"),
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`[wf-emulator] ${signal}: closing`);
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`[wf-emulator] ${error instanceof Error ? error.message : String(error)}`);
  console.error("Run with --help for the options.");
  process.exit(1);
});
