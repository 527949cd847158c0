import { TENANT_TIME_ZONE } from "../core/wf-date";
import { WfError } from "../core/errors";
import type { UserRecord } from "../model/types";
import { authenticateLogin } from "./auth";
import { type ApiResult, type CallContext, ok } from "./context";

/**
 * The API-key actions of Adobe's how-to (`PUT /user?action=generateApiKey&username=&password=`).
 * With a username and password those are the credential (refused with `ims`); without them the
 * action applies to the caller of an ordinary credential (e.g. clearApiKey with the key itself).
 */
export function userCollectionAction(ctx: CallContext, action: string): ApiResult {
  const { env, request } = ctx;
  const now = Date.now();
  switch (action) {
    case "generateApiKey":
      return ok({ result: env.credentials.generate(actor(ctx).ID, now) });
    case "getApiKey":
      // An empty result means "no key yet"; Adobe's JS client then calls generateApiKey.
      return ok({ result: env.credentials.currentKey(actor(ctx).ID, env.config.apiKeyTtlMs, now) });
    case "clearApiKey":
      env.credentials.clear(actor(ctx).ID);
      return ok({ success: true });
    default:
      ctx.user();
      throw new WfError("apiModel", `Unknown action ${action} for User (${request.method} /user)`);
  }
}

function actor(ctx: CallContext): UserRecord {
  const username = ctx.request.params.get("username");
  const password = ctx.request.params.get("password");
  if (username !== undefined || password !== undefined) return authenticateLogin(ctx.env, username, password);
  return ctx.user();
}

/** Actions on one object (`PUT /user/<ID>/<action>` or `?action=`): none are emulated. */
export function objectAction(ctx: CallContext, objectName: string, action: string): ApiResult {
  ctx.user();
  throw new WfError("apiModel", `Unknown action ${action} for ${objectName}`);
}

/**
 * POST /login (the official client's `login`, fixtures/login.json). With `ims` it fails, as it does
 * for organisations on the Adobe Business Platform (api-basics.md "Login").
 */
export function login(ctx: CallContext): ApiResult {
  const user = authenticateLogin(
    ctx.env,
    ctx.request.params.get("username"),
    ctx.request.params.get("password"),
  );
  const sessionID = ctx.env.credentials.createSession(user.ID);
  return ok({
    userID: user.ID,
    sessionID,
    versionInformation: { currentAPI: `v${ctx.version}`, release: "emulator" },
    locale: user.locale,
    timeZone: user.timeZone || TENANT_TIME_ZONE,
  });
}

export function logout(ctx: CallContext): ApiResult {
  ctx.user();
  const header = ctx.request.headers["sessionid"];
  const sessionID = (Array.isArray(header) ? header[0] : header) ?? ctx.request.params.get("sessionID");
  if (sessionID) ctx.env.credentials.endSession(sessionID);
  return ok({ success: true });
}
