import "server-only";
import { ApiError } from "@/lib/http/errors";
import {
  type WorkfrontClient,
  type WorkfrontCredential,
  type WorkfrontUser,
  checkPrivateKey,
  createWorkfrontClient,
  exchangeJwt,
  isWorkfrontError,
} from "@/lib/workfront";
import { type ConnectionActor, logConnectionEvent } from "./actor";
import type { ConnectInput } from "./connect-input";
import { MISSING_SECRET_MESSAGE } from "./keys";
import { withSession } from "./oauth-session";
import type { ConnectionResolver } from "./resolver";
import { type StoredSecret, lastFour, sealSecret } from "./secret";
import { type ConnectionRow, type WorkfrontIdentity, saveConnection } from "./store";
import { tenantOriginFrom } from "./tenant-url";
import type { ConnectionMethod } from "./vocabulary";

/**
 * Connecting: prove the credential works (whose is it? may they edit users?) before anything is
 * stored, then store it sealed. A refusal stores nothing and says which part was refused. The
 * password of the username-and-password way is used for the two API-key actions and then dropped:
 * it is never stored, logged or returned.
 */
export function identityOf(user: WorkfrontUser): WorkfrontIdentity {
  return {
    workfrontUserId: user.id,
    workfrontUserName: user.name,
    workfrontUserEmail: user.email,
    // Workfront lets a System Administrator edit users; other access levels may be refused.
    mayEditUsers: user.accessLevel?.isAdmin ?? null,
  };
}

/** A short deadline: someone is waiting on the form, and a wrong address should fail fast. */
function probeClient(resolver: ConnectionResolver, url: string, credential: WorkfrontCredential): WorkfrontClient {
  const settings = resolver.options.settings;
  return createWorkfrontClient({
    ...settings,
    url,
    credential,
    deadlineMs: Math.min(settings.deadlineMs ?? 20_000, 20_000),
    maxRetries: Math.min(settings.maxRetries ?? 1, 1),
  });
}

/** A refusal of what the admin typed is their input's fault: 400 with what to check. */
function refused(error: unknown, code: string, message: string): never {
  if (isWorkfrontError(error) && error.code === "auth") throw new ApiError(400, code, `${message} Nothing was stored.`);
  throw error;
}

interface Obtained {
  secret: StoredSecret;
  user: WorkfrontUser;
  hint: string;
  keyCreatedAt: Date | null;
  keyCreatedExact: boolean;
}

async function withPassword(resolver: ConnectionResolver, url: string, input: Extract<ConnectInput, { method: "password" }>): Promise<Obtained> {
  const anonymous = probeClient(resolver, url, { kind: "none" });
  const login = { username: input.username, password: input.password };
  let apiKey: string;
  let generated = false;
  try {
    // Adobe's how-to and JS client: the user's existing key, or a new one when there is none.
    const existing = await anonymous.getApiKey(login);
    apiKey = existing ?? (await anonymous.generateApiKey(login));
    generated = existing === null;
  } catch (error) {
    // Also what a tenant on the Adobe Business Platform answers: password login is gone there.
    refused(error, "workfront_password_login_refused", "Workfront refused this username and password.");
  }
  const user = await probeClient(resolver, url, { kind: "apiKey", apiKey }).getCurrentUser();
  const now = new Date();
  return { secret: { kind: "apiKey", apiKey }, user, hint: lastFour(apiKey), keyCreatedAt: now, keyCreatedExact: generated };
}

async function withApiKey(resolver: ConnectionResolver, url: string, input: Extract<ConnectInput, { method: "api_key" }>): Promise<Obtained> {
  let user: WorkfrontUser;
  try {
    user = await probeClient(resolver, url, { kind: "apiKey", apiKey: input.apiKey }).getCurrentUser();
  } catch (error) {
    refused(error, "workfront_credential_refused", "Workfront refused this API key (wrong, expired or cleared).");
  }
  return { secret: { kind: "apiKey", apiKey: input.apiKey }, user, hint: lastFour(input.apiKey), keyCreatedAt: new Date(), keyCreatedExact: false };
}

async function withOAuth2(resolver: ConnectionResolver, url: string, input: Extract<ConnectInput, { method: "oauth2" }>): Promise<Obtained> {
  try {
    checkPrivateKey(input.privateKeyPem);
  } catch (error) {
    throw new ApiError(400, "invalid_private_key", (error as Error).message);
  }
  const app = { url, ...input };
  let session;
  try {
    session = await exchangeJwt(app, resolver.options.oauth);
  } catch (error) {
    if (isWorkfrontError(error) && (error.code === "auth" || error.code === "validation")) {
      throw new ApiError(400, "workfront_oauth_refused", `${error.message}. Check the client ID, client secret, private key, customer ID and user ID. Nothing was stored.`);
    }
    throw error;
  }
  const user = await probeClient(resolver, url, { kind: "session", sessionID: session.sessionID }).getCurrentUser();
  const base = {
    kind: "oauth2" as const,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    privateKeyPem: input.privateKeyPem,
    customerId: input.customerId,
    userId: input.userId,
    sessionId: "",
    refreshToken: null,
    sessionIssuedAt: "",
    sessionExpiresAt: "",
  };
  return { secret: withSession(base, session), user, hint: lastFour(input.clientId), keyCreatedAt: null, keyCreatedExact: false };
}

export async function connectWorkfront(resolver: ConnectionResolver, input: ConnectInput, actor: ConnectionActor): Promise<ConnectionRow> {
  if (resolver.locked) {
    throw new ApiError(409, "settings_locked", "WORKFRONT_API_KEY is set in the server's environment: change the connection there and restart.");
  }
  const ring = resolver.options.ring;
  if (!ring) throw new ApiError(503, "credential_secret_missing", MISSING_SECRET_MESSAGE);
  const url = tenantOriginFrom(input.tenant);
  const method: ConnectionMethod = input.method;
  let obtained: Obtained;
  try {
    obtained =
      input.method === "password"
        ? await withPassword(resolver, url, input)
        : input.method === "api_key"
          ? await withApiKey(resolver, url, input)
          : await withOAuth2(resolver, url, input);
  } catch (error) {
    logConnectionEvent("connect_workfront", actor, {
      outcome: "refused",
      method,
      tenant: url,
      code: error instanceof ApiError ? error.code : isWorkfrontError(error) ? error.code : "internal",
    });
    if (isWorkfrontError(error) && error.code === "auth") {
      // Refused after the credential was obtained (e.g. the key's user is deactivated).
      throw new ApiError(400, "workfront_credential_refused", `Workfront refused the credential: ${error.message}. Nothing was stored.`);
    }
    if (isWorkfrontError(error) && error.code === "not_found") {
      throw new ApiError(400, "workfront_credential_refused", `${error.message}. Nothing was stored.`);
    }
    throw error;
  }
  const row = await saveConnection(resolver.options.db, {
    tenantUrl: url,
    method,
    sealedSecret: sealSecret(obtained.secret, ring),
    hint: obtained.hint,
    connectedByAccountId: actor.accountId,
    connectedByEmail: actor.email,
    keyCreatedAt: obtained.keyCreatedAt,
    keyCreatedExact: obtained.keyCreatedExact,
    ...identityOf(obtained.user),
  });
  resolver.invalidate();
  logConnectionEvent("connect_workfront", actor, {
    outcome: "connected",
    method,
    tenant: url,
    workfrontUserId: row.workfrontUserId,
    mayEditUsers: row.mayEditUsers,
  });
  return row;
}
