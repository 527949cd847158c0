import { createPrivateKey, sign } from "node:crypto";
import { z } from "zod";
import { tenantOrigin } from "./config";
import { WorkfrontError } from "./errors";

/**
 * Workfront's OAuth2 server-to-server flow (workfront-api.md §2.4, oauth-app-jwt-flow.md): an RS256
 * JWT (iss = Customer ID, sub = the user who registered the public key, a short exp) signed with the
 * app's private key is traded at /integrations/oauth2/api/v1/jwt/exchange for an access token that
 * is a sessionID; /integrations/oauth2/api/v1/token renews it with the refresh token. Built on
 * node:crypto and fetch only. Secrets go in form bodies, never in a URL, and never into an error.
 */
export interface OAuth2App {
  /** The tenant, as for the client: a full URL or a bare host. */
  url: string;
  clientId: string;
  clientSecret: string;
  /** PEM (PKCS#8 or PKCS#1) RSA private key whose public half is registered on the app. */
  privateKeyPem: string;
  customerId: string;
  userId: string;
}

export interface OAuth2Session {
  sessionID: string;
  refreshToken: string | null;
  issuedAt: Date;
  expiresAt: Date;
}

export interface OAuth2Options {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** JWT lifetime; the docs ask for a short one. Default 5 minutes. */
  jwtLifetimeSeconds?: number;
  now?: () => number;
}

const tokenSchema = z
  .object({
    access_token: z.string().min(1),
    refresh_token: z.string().min(1).nullish(),
    expires_in: z.coerce.number().positive().nullish(),
  })
  .loose();

const oauthErrorSchema = z
  // `error` is optional: zod 4 makes a bare z.unknown() key required, which would drop the type
  // and detail of a refusal that has none ({"type":"invalid_grant","message":…}).
  .object({ type: z.string().nullish(), error: z.unknown().optional(), message: z.string().nullish(), error_description: z.string().nullish() })
  .loose();

/** Without `expires_in` a session is assumed to live as long as Workfront's default session. */
const DEFAULT_SESSION_SECONDS = 3600;

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** Throws a WorkfrontError("validation") when the text is not an RSA private key. */
export function checkPrivateKey(privateKeyPem: string): void {
  let key;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    throw new WorkfrontError("validation", "The private key is not a PEM private key (-----BEGIN PRIVATE KEY----- …)");
  }
  if (key.asymmetricKeyType !== "rsa") {
    throw new WorkfrontError("validation", `The private key must be an RSA key (RS256), not ${key.asymmetricKeyType}`);
  }
}

export function signAssertion(app: OAuth2App, nowMs: number, lifetimeSeconds: number): string {
  checkPrivateKey(app.privateKeyPem);
  const now = Math.floor(nowMs / 1000);
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT" }));
  const claims = base64url(JSON.stringify({ iss: app.customerId, sub: app.userId, iat: now, exp: now + lifetimeSeconds }));
  const input = `${header}.${claims}`;
  return `${input}.${base64url(sign("sha256", Buffer.from(input), createPrivateKey(app.privateKeyPem)))}`;
}

/** Replaces every secret that the token endpoint might echo with [redacted]. */
function scrubbed(message: string, secrets: readonly string[]): string {
  return secrets.filter((secret) => secret.length >= 4).reduce((text, secret) => text.replaceAll(secret, "[redacted]"), message);
}

async function postToken(
  url: string,
  path: string,
  form: URLSearchParams,
  secrets: readonly string[],
  options: OAuth2Options,
): Promise<OAuth2Session> {
  const fetcher = options.fetch ?? globalThis.fetch;
  const started = (options.now ?? Date.now)();
  let response: Response;
  let text: string;
  try {
    response = await fetcher(new URL(path, tenantOrigin(url)), {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
      redirect: "error",
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    text = await response.text();
  } catch (error) {
    const timedOut = (error as Error)?.name === "TimeoutError";
    throw new WorkfrontError(timedOut ? "timeout" : "unavailable", timedOut ? "Workfront's OAuth2 endpoint did not answer in time" : "Could not reach Workfront's OAuth2 endpoint");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new WorkfrontError("unavailable", `Workfront's OAuth2 endpoint answered HTTP ${response.status} without JSON`, { status: response.status });
  }
  if (response.ok) {
    const tokens = tokenSchema.safeParse(body);
    if (!tokens.success) throw new WorkfrontError("unavailable", "Workfront's OAuth2 answer had no access token", { status: response.status });
    const seconds = tokens.data.expires_in ?? DEFAULT_SESSION_SECONDS;
    return {
      sessionID: tokens.data.access_token,
      refreshToken: tokens.data.refresh_token ?? null,
      issuedAt: new Date(started),
      expiresAt: new Date(started + seconds * 1000),
    };
  }
  const parsed = oauthErrorSchema.safeParse(body);
  const type = parsed.success ? (parsed.data.type ?? (typeof parsed.data.error === "string" ? parsed.data.error : null)) : null;
  const detail = parsed.success ? (parsed.data.message ?? parsed.data.error_description ?? null) : null;
  const message = scrubbed(`Workfront refused the OAuth2 request${type ? ` (${type})` : ""}${detail ? `: ${detail}` : ""}`, secrets);
  // invalid_client / invalid_grant (and 401/403): the app's credentials are wrong or revoked.
  const refused = response.status === 401 || response.status === 403 || type === "invalid_client" || type === "invalid_grant";
  const code = refused ? "auth" : response.status >= 500 ? "unavailable" : "validation";
  throw new WorkfrontError(code, message, { status: response.status });
}

/** A new session from a freshly signed JWT. */
export function exchangeJwt(app: OAuth2App, options: OAuth2Options = {}): Promise<OAuth2Session> {
  const jwt = signAssertion(app, (options.now ?? Date.now)(), options.jwtLifetimeSeconds ?? 300);
  const form = new URLSearchParams({ client_id: app.clientId, client_secret: app.clientSecret, jwt_token: jwt });
  return postToken(app.url, "/integrations/oauth2/api/v1/jwt/exchange", form, [app.clientSecret, jwt], options);
}

/** A new session from a refresh token (which Workfront may rotate). */
export function refreshSession(
  app: Pick<OAuth2App, "url" | "clientId" | "clientSecret">,
  refreshToken: string,
  options: OAuth2Options = {},
): Promise<OAuth2Session> {
  const form = new URLSearchParams({
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    client_id: app.clientId,
    client_secret: app.clientSecret,
  });
  return postToken(app.url, "/integrations/oauth2/api/v1/token", form, [app.clientSecret, refreshToken], options);
}
