/**
 * Redaction of secrets in log objects by key name, at any depth and in any spelling: `apiKey`,
 * `APIKEY`, `api_key` and `x-api-key` are one name once case and separators are dropped. A second
 * line of defence: code should not log a secret in the first place. pino's own `redact` option
 * matches exact paths only (case-sensitive, one level per wildcard), which missed the OAuth2
 * connection's `clientSecret`, `privateKeyPem`, `refreshToken` and session ID.
 */
export const REDACTED = "[redacted]";

/** Names (lower case, separators removed) whose values are secrets wherever they appear. */
const SECRET_NAMES = new Set([
  "apikey",
  "authorization",
  "proxyauthorization",
  "cookie",
  "setcookie",
  "password",
  "passwd",
  "passwordhash",
  "secret",
  "clientsecret",
  "privatekey",
  "privatekeypem",
  "token",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "sessiontoken",
  "csrftoken",
  "sessionid",
  "jwt",
  "assertion",
  "credential",
  "credentials",
  "sealedsecret",
  // postgres://user:password@host: the whole value, since the password is inside it.
  "databaseurl",
  "connectionstring",
  // smtp://user:password@host, and Slack's and Teams' webhook URLs, which hold their token.
  "smtpurl",
  "webhookurl",
  "notifywebhookurl",
]);

/** Parts that make any name a secret: `newPassword`, `WORKFRONT_CREDENTIAL_SECRET_PREVIOUS`, `workfrontApiKey`. */
const SECRET_PARTS = ["password", "secret", "apikey", "privatekey"];
/** Endings that do: `jwt_token`, `workfrontSessionId`, `x-session-cookie` (but not `tokenCount`). */
const SECRET_ENDINGS = ["token", "sessionid", "cookie"];

/**
 * API tokens (lib/api-tokens/secret.ts) are recognised by their value too, wherever one sits in a
 * string (a URL, a header copied into a message, an error): `wfo_` and what follows becomes
 * `wfo_[redacted]`. Bounded at 20 characters so a word like "wfo_id" is left alone.
 */
const API_TOKEN_IN_TEXT = /wfo_[A-Za-z0-9_-]{20,}/g;

export function scrubTokens(text: string): string {
  return text.includes("wfo_") ? text.replace(API_TOKEN_IN_TEXT, `wfo_${REDACTED}`) : text;
}

export function isSecretKey(key: string): boolean {
  const name = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  return (
    SECRET_NAMES.has(name) ||
    SECRET_PARTS.some((part) => name.includes(part)) ||
    SECRET_ENDINGS.some((ending) => name.endsWith(ending))
  );
}

/**
 * A copy of `value` with every secret-named property's value replaced by "[redacted]", through
 * plain objects, arrays and errors (an error keeps its class, message and stack, so pino's error
 * serializer still describes it). Other objects (dates, buffers, class instances) are kept as they
 * are. Cycles are cut rather than followed.
 */
export function redactSecrets<T>(value: T): T {
  return redact(value, new WeakMap()) as T;
}

function redact(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === "string") return scrubTokens(value);
  if (typeof value !== "object" || value === null) return value;
  const done = seen.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(redact(item, seen));
    return copy;
  }
  if (value instanceof Error) return redactError(value, seen);
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, entry] of Object.entries(value)) copy[key] = isSecretKey(key) ? REDACTED : redact(entry, seen);
  return copy;
}

function redactError(error: Error, seen: WeakMap<object, unknown>): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  seen.set(error, copy);
  for (const key of ["name", "message", "stack"] as const) {
    if (Object.hasOwn(error, key)) Object.defineProperty(copy, key, { value: redact(error[key], seen), writable: true, configurable: true });
  }
  if (error.cause !== undefined) {
    Object.defineProperty(copy, "cause", { value: redact(error.cause, seen), writable: true, configurable: true });
  }
  for (const [key, entry] of Object.entries(error)) {
    (copy as unknown as Record<string, unknown>)[key] = isSecretKey(key) ? REDACTED : redact(entry, seen);
  }
  return copy;
}
