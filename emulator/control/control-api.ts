import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { type RuntimeConfig, runtimeConfigPatchSchema } from "../config";
import { WfError, errorEnvelope } from "../core/errors";
import { formatWfDate } from "../core/wf-date";
import { readBody } from "../http/read-request";
import { sendJson } from "../http/respond";
import type { Stats } from "../http/stats";
import { type OAuthApp, type OAuthApps } from "../oauth/apps";
import type { Tenant } from "../tenant";

/**
 * `/__emulator/*`: a test's handle on the vendor. No credential, never counted, throttled or
 * faulted. Bodies and answers are plain JSON (no `data` envelope); errors use the API's envelope.
 */
export interface EmulatorInfo {
  url: string;
  apiKey: string;
  integrationUser: { ID: string; username: string; password: string; name: string };
  adminUserID: string;
  customerID: string;
  users: number;
  /** The UTC day (YYYY-MM-DD) the seeded history is anchored to. */
  anchorDay: string;
}

export interface ControlHost {
  readonly stats: Stats;
  readonly config: RuntimeConfig;
  readonly oauthApps: OAuthApps;
  info(): EmulatorInfo;
  tenant(): Tenant;
  resetTenant(): void;
}

const usernameBody = z.object({ username: z.string().min(1).optional() }).strict();
const sessionBody = z.object({ username: z.string().min(1) }).strict();
const oauthAppBody = z
  .object({ userId: z.string().min(1).optional(), publicKeyPem: z.string().min(1) })
  .strict();
const expireSessionsBody = z.object({ clientId: z.string().min(1).optional() }).strict();

/** What `POST oauth-apps` and `GET oauth-apps` show of an app. */
const appAnswer = (app: OAuthApp) => ({
  clientId: app.clientId,
  clientSecret: app.clientSecret,
  customerId: app.customerId,
  userId: app.userId,
});

export async function handleControl(host: ControlHost, req: IncomingMessage, res: ServerResponse, url: URL) {
  try {
    const route = `${req.method ?? "GET"} ${url.pathname.replace(/^\/__emulator\/?/, "").replace(/\/+$/, "")}`;
    const text = (await readBody(req)).toString("utf8");
    let body: unknown = {};
    if (text.trim() !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        throw new WfError("json", "The control API takes JSON bodies");
      }
    }
    sendJson(res, 200, answer(host, route, body));
  } catch (error) {
    if (error instanceof WfError) sendJson(res, error.status, error.toEnvelope());
    else
      sendJson(res, 500, errorEnvelope("internal", error instanceof Error ? error.message : String(error)));
  }
}

function answer(host: ControlHost, route: string, body: unknown): unknown {
  const { store, credentials } = host.tenant();
  const now = Date.now();
  switch (route) {
    case "GET info":
      return host.info();
    case "GET stats":
      return host.stats.snapshot();
    case "POST stats/reset":
      host.stats.reset();
      return host.stats.snapshot();
    case "GET config":
      return host.config;
    case "PATCH config": {
      const patch = parse(runtimeConfigPatchSchema, body);
      Object.assign(host.config, patch);
      // Changing the expiry setting restarts every key's clock (manage-api-keys.md).
      if (patch.apiKeyTtlMs !== undefined) credentials.restartClocks(now);
      return host.config;
    }
    case "POST reset":
      host.resetTenant();
      return { reset: true, users: host.tenant().store.data.users.length };
    case "POST api-keys/expire":
    case "POST api-keys/revoke": {
      const user = userFor(host, parse(usernameBody, body).username);
      const hadKey = route.endsWith("expire") ? credentials.expire(user.ID) : credentials.clear(user.ID);
      return {
        username: user.username,
        userID: user.ID,
        hadKey,
        state: route.endsWith("expire") ? "expired" : "revoked",
      };
    }
    case "POST api-keys/restore":
      parse(usernameBody, body);
      return {
        username: host.info().integrationUser.username,
        apiKey: credentials.restoreIntegrationKey(now),
        state: "valid",
      };
    case "POST sessions": {
      const user = userFor(host, parse(sessionBody, body).username);
      return { sessionID: credentials.createSession(user.ID), userID: user.ID };
    }
    case "POST sessions/expire": {
      const { clientId } = parse(expireSessionsBody, body);
      return { expired: credentials.expireOAuthSessions(now, clientId) };
    }
    case "GET oauth-apps":
      return host.oauthApps.list().map(appAnswer);
    case "POST oauth-apps": {
      const { userId, publicKeyPem } = parse(oauthAppBody, body);
      const userID = userId ?? store.data.integrationUserID;
      if (!store.user(userID)) throw new WfError("notFound", `No user ${userID}`);
      const app = host.oauthApps.register(
        { customerId: store.data.customer.ID, userId: userID, publicKeyPem },
        now,
      );
      return appAnswer(app);
    }
  }
  const appMatch = /^DELETE oauth-apps\/([^/]+)$/.exec(route);
  if (appMatch?.[1]) {
    const clientId = decodeURIComponent(appMatch[1]);
    if (!host.oauthApps.remove(clientId)) throw new WfError("notFound", `No OAuth2 app ${clientId}`);
    credentials.revokeOAuthApp(clientId);
    return { clientId, deleted: true };
  }
  const keyMatch = /^GET api-keys\/([^/]+)$/.exec(route);
  if (keyMatch?.[1]) {
    // Whether a user's key still works (e.g. after the app cleared it), without showing the key.
    const user = userFor(host, decodeURIComponent(keyMatch[1]));
    const { state, issuedAt } = credentials.keyState(user.ID, host.config.apiKeyTtlMs, now);
    return { username: user.username, userID: user.ID, state, issuedAt: issuedAt === null ? null : new Date(issuedAt).toISOString() };
  }
  const userMatch = /^GET users\/([^/]+)$/.exec(route);
  if (userMatch?.[1]) {
    const user = store.user(decodeURIComponent(userMatch[1]));
    if (!user) throw new WfError("notFound", `No user ${userMatch[1]}`);
    // Raw stored record, with the dates also shown in Workfront's format for reading.
    const dates: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(user))
      if (key.endsWith("Date")) dates[key] = typeof value === "number" ? formatWfDate(value) : null;
    return { ...user, formattedDates: dates };
  }
  throw new WfError("notFound", `No control route ${route}`);
}

function userFor(host: ControlHost, username: string | undefined) {
  const { store } = host.tenant();
  const user =
    username === undefined ? store.user(store.data.integrationUserID) : store.userByUsername(username);
  if (!user) throw new WfError("notFound", `No user with username ${username ?? "(integration user)"}`);
  return user;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new WfError("invalidParameter", z.prettifyError(result.error));
  return result.data;
}
