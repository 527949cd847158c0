import type { IncomingHttpHeaders } from "node:http";
import type { RuntimeConfig } from "../config";
import type { CredentialStore } from "../store/credential-store";
import type { TenantStore } from "../store/tenant-store";
import { type OAuthApp, type OAuthApps } from "./apps";
import { JwtError, verifyJwt } from "./jwt";

/** Workfront-hosted OAuth2 (workfront-api.md §2.4). */
export const OAUTH_PREFIX = "/integrations/oauth2/";
export const JWT_EXCHANGE_PATH = "/integrations/oauth2/api/v1/jwt/exchange";
export const TOKEN_PATH = "/integrations/oauth2/api/v1/token";

/**
 * The error body. Workfront's real shape is undocumented; this is the one the Blackbird connector
 * reads (BB `TokenErrorDto`, UNVERIFIED), with RFC 6749 §5.2 codes in `type`.
 */
export interface OAuthErrorBody {
  statusCode: number;
  error: true;
  type: OAuthErrorType;
  message: string;
}

export type OAuthErrorType =
  "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type" | "not_found";

export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly type: OAuthErrorType,
    message: string,
  ) {
    super(message);
  }

  body(): OAuthErrorBody {
    return { statusCode: this.status, error: true, type: this.type, message: this.message };
  }
}

/**
 * What both endpoints answer on success. The JWT exchange answers no `refresh_token` unless
 * `jwtRefreshTokens` is on: machine-to-machine apps have no refresh token settings, and a client
 * signs and exchanges a new JWT whenever it needs a token (workfront-api.md §11).
 */
export interface TokenAnswer {
  token_type: "sessionID";
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  wid: string;
}

export interface OAuthEnv {
  apps: OAuthApps;
  store: TenantStore;
  credentials: CredentialStore;
  config: RuntimeConfig;
  customerID: string;
  now: number;
}

export interface OAuthRequest {
  method: string;
  pathname: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The stats route key of an OAuth2 request, e.g. "POST oauth2/token". */
export function oauthRouteKey(method: string, pathname: string): string {
  const rest = pathname.replace(/^\/integrations\/oauth2\/(api\/v1\/)?/, "").replace(/\/+$/, "");
  return `${method} oauth2/${rest}`;
}

/** Answers one request under /integrations/oauth2/ with a status and a JSON body. */
export function handleOAuth(env: OAuthEnv, request: OAuthRequest): { status: number; body: unknown } {
  try {
    const path = request.pathname.replace(/\/+$/, "");
    if (path !== JWT_EXCHANGE_PATH && path !== TOKEN_PATH) {
      throw new OAuthError(404, "not_found", `The emulator has no OAuth2 endpoint ${request.pathname}`);
    }
    if (request.method !== "POST")
      throw new OAuthError(405, "invalid_request", `${request.method} is not allowed; use POST`);
    const fields = readFields(request.headers, request.body);
    const tokens =
      path === JWT_EXCHANGE_PATH
        ? exchangeJwt(env, fields, request.headers)
        : refresh(env, fields, request.headers);
    return { status: 200, body: tokens };
  } catch (error) {
    if (error instanceof OAuthError) return { status: error.status, body: error.body() };
    const message = error instanceof Error ? error.message : String(error);
    return { status: 500, body: { statusCode: 500, error: true, type: "server_error", message } };
  }
}

type Fields = Map<string, string>;

/** A form body or a JSON object body; either content type works on both endpoints. */
function readFields(headers: IncomingHttpHeaders, body: Buffer): Fields {
  const text = body.toString("utf8");
  const type = (headers["content-type"] ?? "").toLowerCase();
  const fields: Fields = new Map();
  if (text.trim() === "") return fields;
  if (type.includes("json") || (type === "" && /^\s*\{/.test(text))) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new OAuthError(400, "invalid_request", "The request body is not valid JSON");
    }
    if (typeof value !== "object" || value === null || Array.isArray(value))
      throw new OAuthError(400, "invalid_request", "The JSON body must be an object");
    for (const [key, field] of Object.entries(value))
      if (typeof field === "string" || typeof field === "number") fields.set(key, String(field));
    return fields;
  }
  for (const [key, value] of new URLSearchParams(text)) if (!fields.has(key)) fields.set(key, value);
  return fields;
}

/** `Authorization: Basic base64(client_id:client_secret)` (RFC 6749 §2.3.1) wins over body fields. */
function clientCredentials(headers: IncomingHttpHeaders, fields: Fields): { id?: string; secret?: string } {
  const auth = headers.authorization;
  if (auth !== undefined) {
    const match = /^Basic\s+(\S+)\s*$/i.exec(auth);
    if (!match?.[1])
      throw new OAuthError(
        401,
        "invalid_client",
        "The Authorization header must be Basic base64(client_id:client_secret)",
      );
    const decoded = Buffer.from(match[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0)
      throw new OAuthError(401, "invalid_client", "The Basic credential must be client_id:client_secret");
    const id = safeDecode(decoded.slice(0, colon));
    const bodyId = fields.get("client_id");
    if (bodyId !== undefined && bodyId !== id)
      throw new OAuthError(
        400,
        "invalid_request",
        "client_id in the body differs from the one in the Authorization header",
      );
    return { id, secret: safeDecode(decoded.slice(colon + 1)) };
  }
  return { id: fields.get("client_id"), secret: fields.get("client_secret") };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
}

function authenticateClient(env: OAuthEnv, headers: IncomingHttpHeaders, fields: Fields): OAuthApp {
  const { id, secret } = clientCredentials(headers, fields);
  if (!id || !secret)
    throw new OAuthError(400, "invalid_request", "client_id and client_secret are required");
  const app = env.apps.authenticate(id, secret);
  if (!app) throw new OAuthError(401, "invalid_client", "Unknown client_id or wrong client_secret");
  return app;
}

function requireActiveUser(env: OAuthEnv, userID: string): void {
  const user = env.store.user(userID);
  if (!user) throw new OAuthError(400, "invalid_grant", `The app's user ${userID} does not exist`);
  if (!user.isActive)
    throw new OAuthError(400, "invalid_grant", `The app's user ${user.username} is deactivated`);
}

function answer(env: OAuthEnv, app: OAuthApp, replacing?: string): TokenAnswer {
  // A refresh grant always answers a refresh token (rotated or kept); an exchange only with the option.
  const refresh = replacing !== undefined || env.config.jwtRefreshTokens ? "issue" : "none";
  const tokens = env.credentials.issueOAuthTokens(
    app.userId,
    app.clientId,
    env.config.sessionTtlMs,
    env.now,
    replacing === undefined ? undefined : { refreshToken: replacing, rotate: env.config.rotateRefreshTokens },
    refresh,
  );
  return {
    token_type: "sessionID",
    access_token: tokens.accessToken,
    ...(tokens.refreshToken === undefined ? {} : { refresh_token: tokens.refreshToken }),
    expires_in: Math.floor(env.config.sessionTtlMs / 1000),
    wid: env.customerID,
  };
}

/** POST …/jwt/exchange: client_id, client_secret, jwt_token (oauth-app-jwt-flow.md). */
function exchangeJwt(env: OAuthEnv, fields: Fields, headers: IncomingHttpHeaders): TokenAnswer {
  const app = authenticateClient(env, headers, fields);
  const token = fields.get("jwt_token");
  if (!token) throw new OAuthError(400, "invalid_request", "jwt_token is required");
  let claims;
  try {
    claims = verifyJwt(token, app.publicKey);
  } catch (error) {
    if (error instanceof JwtError) throw new OAuthError(400, "invalid_grant", error.message);
    throw error;
  }
  const nowSeconds = env.now / 1000;
  if (typeof claims.exp !== "number")
    throw new OAuthError(400, "invalid_grant", "The JWT has no numeric exp claim");
  if (claims.exp <= nowSeconds)
    throw new OAuthError(400, "invalid_grant", "The JWT has expired (exp is in the past)");
  if (typeof claims.nbf === "number" && claims.nbf > nowSeconds)
    throw new OAuthError(400, "invalid_grant", "The JWT is not valid yet (nbf is in the future)");
  if (claims.iss !== app.customerId)
    throw new OAuthError(
      400,
      "invalid_grant",
      "The JWT's iss must be the Customer ID shown in the app's details",
    );
  if (claims.sub !== app.userId)
    throw new OAuthError(
      400,
      "invalid_grant",
      "The JWT's sub must be the ID of the user who registered the public key",
    );
  requireActiveUser(env, app.userId);
  return answer(env, app);
}

/** POST …/token with grant_type=refresh_token (authorization_code is not emulated). */
function refresh(env: OAuthEnv, fields: Fields, headers: IncomingHttpHeaders): TokenAnswer {
  const grant = fields.get("grant_type");
  if (!grant) throw new OAuthError(400, "invalid_request", "grant_type is required");
  if (grant !== "refresh_token")
    throw new OAuthError(
      400,
      "unsupported_grant_type",
      grant === "authorization_code"
        ? "The emulator does not emulate the authorization_code grant; use the JWT exchange"
        : `Unsupported grant_type ${grant}`,
    );
  const app = authenticateClient(env, headers, fields);
  const refreshToken = fields.get("refresh_token");
  if (!refreshToken) throw new OAuthError(400, "invalid_request", "refresh_token is required");
  const entry = env.credentials.resolveRefreshToken(refreshToken);
  if (!entry || entry.clientId !== app.clientId)
    throw new OAuthError(
      400,
      "invalid_grant",
      "The refresh token is unknown, was already used, or belongs to another app",
    );
  requireActiveUser(env, entry.userID);
  return answer(env, app, refreshToken);
}
