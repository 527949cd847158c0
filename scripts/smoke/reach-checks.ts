import { tenantOrigin } from "../../lib/workfront/config";
import { exchangeJwt } from "../../lib/workfront/oauth2";
import type { SmokeOptions } from "./context";
import type { SmokeCredential } from "./credential";
import { type SmokeRow, describeError, row } from "./rows";

/**
 * Before any call with the credential: the tenant answers the API at this URL, and (for an OAuth2
 * app) the JWT exchange gives a session.
 */

/**
 * Asked with no credential and `redirect: "manual"`, so a redirect is seen (and named) rather than
 * followed, and nothing secret can travel with it. Any API answer, a refusal included, is a pass.
 */
export async function tenantUrlRow(options: SmokeOptions): Promise<{ row: SmokeRow; reachable: boolean }> {
  const check = "tenant URL";
  const origin = tenantOrigin(options.url);
  const url = `${origin}/attask/api/v${options.version}/user/count`;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      redirect: "manual",
      signal: AbortSignal.timeout(15_000),
    });
    await response.arrayBuffer();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      reachable: false,
      row: row(
        check,
        "FAIL",
        `${origin} does not answer${cause ? ` (${cause})` : ""}.`,
        "Nothing works: check the URL (https://<domain>.my.workfront.com, or .my.workfront.adobe.com for experience.adobe.com tenants).",
      ),
    };
  }
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get("location");
    const target = location ? new URL(location, url).origin : "another address";
    return {
      reachable: false,
      row: row(
        check,
        "FAIL",
        `${origin} redirects (HTTP ${response.status}) to ${target}.`,
        `The app never follows a redirect (the credential could go with it): use ${target} as WORKFRONT_URL.`,
      ),
    };
  }
  return {
    reachable: true,
    row: row(
      check,
      "PASS",
      `${origin} answers the API itself (HTTP ${response.status} without a credential, no redirect).`,
      "Talks to this host directly.",
    ),
  };
}

/** The app's own exchange (lib/workfront/oauth2.ts): a fresh JWT for a session. */
export async function oauthRow(
  options: SmokeOptions,
  credential: Extract<SmokeCredential, { kind: "oauth2" }>,
): Promise<{ row: SmokeRow; sessionID?: string }> {
  const check = "OAuth2 exchange";
  try {
    const session = await exchangeJwt({ url: options.url, ...credential.app }, { fetch: options.fetch });
    const seconds = Math.round((session.expiresAt.getTime() - session.issuedAt.getTime()) / 1000);
    const refresh = session.refreshToken
      ? "a refresh token came back too (not documented for machine-to-machine apps)"
      : "no refresh token, as documented for machine-to-machine apps";
    return {
      sessionID: session.sessionID,
      row: row(
        check,
        "PASS",
        `A signed JWT was exchanged for a session of ${seconds} s; ${refresh}.`,
        "Signs and exchanges a new JWT whenever its session nears its end.",
      ),
    };
  } catch (error) {
    return {
      row: row(
        check,
        "FAIL",
        `The JWT exchange failed: ${describeError(error)}.`,
        "Cannot connect with this app: check the client ID and secret, the private key, the Customer ID and the user ID (Setup › System › OAuth2 Applications).",
      ),
    };
  }
}
