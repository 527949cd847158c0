import "server-only";
import { z } from "zod";

/**
 * All configuration, read from the environment and validated once. A bad value stops start-up
 * with a message that names the variable; nothing else in the app reads `process.env`.
 */
const booleanFromEnv = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const positiveInt = z.coerce.number().int().positive();

function commaList(list: string): string[] {
  return list
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Defaults to info, or silent under tests. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),

  /** The tenant, e.g. https://acme.my.workfront.com. Defaults to the local emulator of `npm run demo`. */
  WORKFRONT_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:4010"),
  /** API key of the integration user. Kept on the server; never logged or sent to a browser. */
  WORKFRONT_API_KEY: z.string().min(1).optional(),
  /** `header` (default, as Adobe's JS client does) or `query` (as Adobe's curl examples do). */
  WORKFRONT_API_KEY_PLACEMENT: z.enum(["header", "query"]).default("header"),
  /** Without the leading "v": a version on Adobe's support schedule (21.0, 22.0; Adobe's how-to's 15.0 is deprecated). */
  WORKFRONT_API_VERSION: z.string().regex(/^\d{1,2}\.0$/, "expected a version such as 21.0").default("21.0"),
  /** Requests in flight to the tenant from this process; Workfront's historical limit is 10. */
  WORKFRONT_MAX_IN_FLIGHT: positiveInt.max(50).default(10),
  WORKFRONT_TIMEOUT_MS: positiveInt.default(30_000),
  WORKFRONT_DEADLINE_MS: positiveInt.default(120_000),
  WORKFRONT_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(4),
  /**
   * Jobs write through Workfront's undocumented `/batch`: `off` (default), `on`, or `auto` (tried,
   * and dropped for the tenant when it answers that it has no /batch). See the README's Choices.
   */
  WORKFRONT_BATCH: z.enum(["off", "auto", "on"]).default("off"),
  /** How often the local index of the tenant's users asks Workfront what changed (lib/user-index). */
  USER_INDEX_REFRESH_MS: positiveInt.min(5_000).max(86_400_000).default(300_000),
  /** The most people one CSV export of the users list may hold; a larger one is refused (422). */
  USERS_EXPORT_MAX: positiveInt.max(1_000_000).default(100_000),
  /** Logs every Workfront request at debug level (URLs redacted). */
  WORKFRONT_LOG_REQUESTS: booleanFromEnv.default(false),
  /** Workfront users nobody may deactivate here: e-mails or IDs, separated by commas. */
  PROTECTED_USERS: z
    .string()
    .default("")
    .transform((list) => commaList(list.toLowerCase())),

  /**
   * Encrypts the Workfront credential stored by the Settings page (AES-256-GCM, key derived with
   * HKDF). Falls back to AUTH_SECRET. To rotate: move the old value to …_PREVIOUS and set a new one;
   * stored credentials are re-encrypted with the new key the next time they are read.
   */
  WORKFRONT_CREDENTIAL_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  WORKFRONT_CREDENTIAL_SECRET_PREVIOUS: z.string().min(32, "must be at least 32 characters").optional(),
  /** Days before a stored API key's expiry (Workfront's default: one month) when a banner warns. */
  WORKFRONT_KEY_WARN_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  /** Days an API key lives on this tenant (Setup › System › Customer Info; Workfront's default is one month). */
  WORKFRONT_KEY_LIFETIME_DAYS: positiveInt.max(3650).default(30),

  /** postgres://… for a PostgreSQL server; unset means the embedded PostgreSQL in DATABASE_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_DIR: z.string().min(1).default("./data/postgres"),
  /**
   * Connections the app's pool opens at most. Each is a PostgreSQL process of its own (10–40 MiB
   * resident under load), so the embedded server, which shares the app's machine, gets fewer.
   */
  DATABASE_POOL_MAX: positiveInt.max(100).optional(),

  /** Signs session cookies; at least 32 characters. `npm run demo` makes one for itself. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The app's public URL, e.g. https://offboard.example.com; https makes session cookies Secure. */
  NEXTAUTH_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Creates the three demo accounts at start (demo and end-to-end tests; never in real use). */
  DEMO_ACCOUNTS: booleanFromEnv.default(false),
  /** Single sign-on: an OpenID Connect issuer (its discovery document is read at start). */
  AUTH_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  AUTH_OIDC_CLIENT_ID: z.string().min(1).optional(),
  AUTH_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The sign-in button's label, e.g. "Okta" or "Microsoft Entra ID". */
  AUTH_OIDC_NAME: z.string().min(1).max(60).default("single sign-on"),
  /** The claim holding the person's groups (ID token, else userinfo); a dotted path reaches into objects. */
  AUTH_OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
  /**
   * Scopes asked of the IdP, space-separated. Some IdPs release groups only for an extra scope
   * (Okta: `groups`), while others refuse scopes they do not know (Entra ID), so it is configurable.
   */
  AUTH_OIDC_SCOPES: z
    .string()
    .default("openid email profile")
    .refine((scopes) => scopes.split(/\s+/).includes("openid"), "must include openid"),
  /** Groups (comma-separated) that grant each role; the highest role granted wins. */
  AUTH_OIDC_ADMIN_GROUPS: z.string().default("").transform(commaList),
  AUTH_OIDC_OPERATOR_GROUPS: z.string().default("").transform(commaList),
  AUTH_OIDC_VIEWER_GROUPS: z.string().default("").transform(commaList),
  /** `false` switches e-mail and password sign-in off (only with single sign-on configured). */
  AUTH_LOCAL_ACCOUNTS: booleanFromEnv.default(true),
  /** IANA time zone for dates and times on screen and in exports, e.g. Europe/Berlin. */
  APP_TIME_ZONE: z
    .string()
    .default("UTC")
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "not a time zone Intl knows (e.g. Europe/Berlin)"),
  /** Reverse proxies in front of the app whose X-Forwarded-For entries are trusted. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),

  /** Requests one API token may make per window (API_TOKEN_RATE_WINDOW_MS); more get 429 with Retry-After. */
  API_TOKEN_RATE_LIMIT: positiveInt.max(1_000_000).default(300),
  API_TOKEN_RATE_WINDOW_MS: positiveInt.min(1_000).max(3_600_000).default(60_000),

  /** Above this many people, a bulk job must carry `confirmCount` equal to the number of people. */
  BULK_CONFIRM_THRESHOLD: positiveInt.max(100_000).default(50),
  /** Above this many people, only the admin role may run a bulk job. */
  BULK_HARD_CAP: positiveInt.max(100_000).default(2000),
  /** Runs the job worker inside the server process (off where a separate worker process runs). */
  JOBS_WORKER: booleanFromEnv.default(true),
  /** Chunks a worker works on at once; each chunk is one /batch read and one /batch write. */
  /** Chunks in progress per worker; unset: WORKFRONT_MAX_IN_FLIGHT, so a job can keep the cap busy. */
  JOBS_CONCURRENCY: positiveInt.max(50).optional(),
  /** People per claimed chunk (at most 100: one Workfront /batch). */
  JOBS_CHUNK_SIZE: positiveInt.max(100).default(50),
  /** How long a claim lasts without renewal; a crashed worker's items are claimable after it. */
  JOBS_LEASE_MS: positiveInt.min(1_000).max(600_000).default(45_000),
  /** Claims per person before a transient failure is final. */
  JOBS_MAX_ATTEMPTS: positiveInt.max(20).default(5),
  /** How often an idle worker looks for work. */
  JOBS_POLL_MS: positiveInt.min(10).max(60_000).default(1_000),
  /** How often a job paused for the Workfront credential tries it again. */
  JOBS_AUTH_PROBE_MS: positiveInt.min(100).max(600_000).default(10_000),
  /** First wait before a person is tried again after a transient failure (doubling, capped). */
  JOBS_RETRY_BASE_MS: positiveInt.max(600_000).default(1_000),
  JOBS_RETRY_CAP_MS: positiveInt.max(3_600_000).default(30_000),
  /** `bulk`: each chunk's writes in one documented bulk edit (≤ 100); `single`: one PUT per person. */
  JOBS_WRITE_MODE: z.enum(["bulk", "single"], { error: "expected bulk or single (/batch is WORKFRONT_BATCH now)" }).default("bulk"),

  /**
   * Notifications (lib/notify), each channel optional. E-mail: an SMTP server as a URL,
   * smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465; its password is never
   * logged. Needs NOTIFY_EMAIL_FROM and NOTIFY_EMAIL_TO (comma-separated).
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  NOTIFY_EMAIL_FROM: z.email().optional(),
  NOTIFY_EMAIL_TO: z
    .string()
    .default("")
    .transform(commaList)
    .pipe(z.array(z.email()).max(50)),
  /** Who gets the daily digest of the next 7 days' leavers (HR); default NOTIFY_EMAIL_TO. */
  NOTIFY_DIGEST_EMAIL_TO: z
    .string()
    .default("")
    .transform(commaList)
    .pipe(z.array(z.email()).max(50)),
  /** A Slack or Teams incoming webhook (its URL is a secret: never logged). */
  NOTIFY_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** `slack`: `{"text": …}` (Slack, and Teams' retired Office 365 connectors); `teams`: an Adaptive Card for Teams Workflows. */
  NOTIFY_WEBHOOK_FORMAT: z.enum(["slack", "teams"]).default("slack"),
  /** Language of the notifications (en or de). */
  NOTIFY_LOCALE: z.enum(["en", "de"]).default("en"),
  /** Hour of the day (in APP_TIME_ZONE) from which the day's digest of upcoming leavers is sent. */
  NOTIFY_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** Attempts per notification and channel before it is given up (and logged as an error). */
  NOTIFY_MAX_ATTEMPTS: positiveInt.max(50).default(10),
  /** First wait before a failed notification is tried again (doubling, capped). */
  NOTIFY_RETRY_BASE_MS: positiveInt.max(3_600_000).default(30_000),
  NOTIFY_RETRY_CAP_MS: positiveInt.max(86_400_000).default(3_600_000),
  /** How often the notifier looks for notifications to send and whether the digest is due. */
  NOTIFY_POLL_MS: positiveInt.min(10).max(600_000).default(5_000),
}).superRefine((value, context) => {
  if (value.NODE_ENV === "production" && !value.AUTH_SECRET && process.env.NEXT_PHASE !== "phase-production-build") {
    context.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "required in production (openssl rand -base64 32)" });
  }
  const oidc = [value.AUTH_OIDC_ISSUER, value.AUTH_OIDC_CLIENT_ID, value.AUTH_OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    context.addIssue({
      code: "custom",
      path: ["AUTH_OIDC_ISSUER"],
      message: "single sign-on needs AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET together",
    });
  }
  if (value.SMTP_URL && (!value.NOTIFY_EMAIL_FROM || value.NOTIFY_EMAIL_TO.length === 0)) {
    context.addIssue({ code: "custom", path: ["SMTP_URL"], message: "needs NOTIFY_EMAIL_FROM and NOTIFY_EMAIL_TO" });
  }
  if (!value.AUTH_LOCAL_ACCOUNTS && !value.AUTH_OIDC_ISSUER) {
    context.addIssue({ code: "custom", path: ["AUTH_LOCAL_ACCOUNTS"], message: "may be false only with single sign-on configured" });
  }
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment; the message lists every bad variable by name, never its value. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "not set", as they do in most .env files and CI settings.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
