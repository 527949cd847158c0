import { LOGIN_UNAVAILABLE_MESSAGE, WfError, notLoggedIn } from "../core/errors";
import type { ApiRequest } from "../http/read-request";
import type { UserRecord } from "../model/types";
import type { HandlerEnv } from "./context";

const header = (request: ApiRequest, name: string): string | undefined => {
  // Node lower-cases header names, which makes `apiKey`, `APIKEY` and `SessionID` all match.
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Finds the caller from a `sessionID` (header or parameter) or an `apiKey` (header or parameter),
 * in that order, as Adobe's JS client prefers them. A deactivated user cannot log in, so their
 * key and sessions stop working too.
 */
export function authenticate(env: HandlerEnv, request: ApiRequest): UserRecord {
  const now = Date.now();
  const candidates: (string | undefined)[] = [];
  for (const sessionID of [header(request, "sessionid"), request.params.get("sessionID")]) {
    const userID = sessionID ? env.credentials.resolveSession(sessionID) : undefined;
    candidates.push(userID);
  }
  for (const key of [header(request, "apikey"), request.params.get("apiKey")]) {
    const userID = key ? env.credentials.resolveKey(key, env.config.apiKeyTtlMs, now) : undefined;
    candidates.push(userID);
  }
  for (const userID of candidates) {
    const user = userID ? env.store.user(userID) : undefined;
    if (user?.isActive) return user;
  }
  throw notLoggedIn();
}

/**
 * Username and password, as the API-key actions and /login take them. With `ims` the tenant is on
 * the Adobe Business Platform, where password login through the API is gone (api-basics.md "Login").
 */
export function authenticateLogin(
  env: HandlerEnv,
  username: string | undefined,
  password: string | undefined,
): UserRecord {
  if (env.config.ims) throw new WfError("loginUnavailable", LOGIN_UNAVAILABLE_MESSAGE);
  const user = username ? env.store.userByUsername(username) : undefined;
  if (!user || !user.isActive || password !== env.statics.demoPassword) {
    throw new WfError(
      "loginFailed",
      "That username/password combination wasn't quite right. Please try again.",
    );
  }
  return user;
}

/** Only users whose access level is an administrator's may edit users (deactivate-a-user.md). */
export function requireUserAdmin(env: HandlerEnv, user: UserRecord): void {
  const level = env.store.find("ACSLVL", user.accessLevelID);
  if (level?.isAdmin !== true) {
    throw new WfError(
      "forbidden",
      "You do not have sufficient access to edit users (System Administrator required)",
    );
  }
}
