import { z } from "zod";
import { WorkfrontError } from "./errors";
import type { WorkfrontRequest } from "./transport";

export interface PasswordLogin {
  username: string;
  password: string;
}

type ApiKeyAction = "generateApiKey" | "getApiKey" | "clearApiKey";
type Call = (request: WorkfrontRequest) => Promise<unknown>;

const actionResultSchema = z.object({ result: z.string().nullish() }).loose();

/**
 * The collection actions on USER that manage API keys, sent as the official client's `execute`
 * sends them (src/Api.ts): `POST /user` with `method=PUT`, `action` and the arguments in a form
 * body. Workfront does not read a form body on an HTTP PUT, and a POST body keeps the password out
 * of every URL. Never retried: generating a key twice would leave the first one dead.
 */
function actionRequest(action: ApiKeyAction, login: PasswordLogin | null): WorkfrontRequest {
  const form = new URLSearchParams({ method: "PUT", action });
  if (login) {
    form.set("username", login.username);
    form.set("password", login.password);
  }
  return { method: "POST", path: "user", form, idempotent: false, anonymous: login !== null };
}

async function run(call: Call, action: ApiKeyAction, login: PasswordLogin | null): Promise<string | null> {
  const data = await call(actionRequest(action, login));
  const parsed = actionResultSchema.safeParse(data);
  if (!parsed.success) throw new WorkfrontError("unavailable", `Workfront's ${action} answer was not valid`);
  return parsed.data.result || null;
}

/**
 * With a username and password these authenticate by themselves (no other credential is sent).
 * Adobe says password login is no longer available to organisations on the Adobe Business
 * Platform (api-basics.md "Login"), so expect `auth` errors there: OAuth2 or a key from Setup.
 */
export function apiKeyActions(call: Call) {
  return {
    /** Creates (or replaces) the user's API key. */
    generateApiKey: async (login: PasswordLogin) => {
      const key = await run(call, "generateApiKey", login);
      if (!key) throw new WorkfrontError("unavailable", "Workfront did not return an API key");
      return key;
    },
    /** The user's existing API key, or null when there is none yet (then generateApiKey). */
    getApiKey: (login: PasswordLogin) => run(call, "getApiKey", login),
    /** Invalidates the user's API key. */
    clearApiKey: async (login: PasswordLogin) => {
      await run(call, "clearApiKey", login);
    },
    /**
     * Invalidates the API key this client authenticates with: the key is its own user's credential,
     * as for any other call. A lost answer is checked by the caller, not repeated blindly.
     */
    clearOwnApiKey: async () => {
      await call(actionRequest("clearApiKey", null));
    },
  };
}
