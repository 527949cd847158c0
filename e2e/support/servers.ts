/**
 * Where the end-to-end servers listen, and the emulator key the app is started with.
 *
 * Two apps run from the one build:
 * - the main app (3100), configured by environment with `e2eApiKey`, as most deployments are;
 * - the "open" app (3101), with no Workfront credential in its environment, so its Settings page
 *   is unlocked and connects through the dashboard. It talks to its own emulator (4111), so that
 *   clearing or revoking a key there never touches the main app's tenant, and it signs in with
 *   single sign-on against the test OpenID provider (4120) as well as with local accounts.
 *
 * E2E_PORT_OFFSET moves every port, so a second copy of the repository can run its own suite.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const emulatorPort = 4110 + offset;
export const appPort = 3100 + offset;
export const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
export const appUrl = `http://127.0.0.1:${appPort}`;
/** A fixed key so tests can look for it in pages and responses (it must never appear there). */
export const e2eApiKey = "e2e0c0ffee0000000000000000000key";
/** A seeded person (of the main emulator's 500) on the main app's PROTECTED_USERS list. */
export const configuredProtectedEmail = "sean.oceallaigh@sge.example";

export const openEmulatorPort = 4111 + offset;
export const openAppPort = 3101 + offset;
export const openEmulatorUrl = `http://127.0.0.1:${openEmulatorPort}`;
export const openAppUrl = `http://127.0.0.1:${openAppPort}`;
/** The open app's emulator's integration-user key: what "paste a key" pastes. */
export const openApiKey = "e2eopen00000000000000000000000key";

export const oidcPort = 4120 + offset;
export const oidcIssuer = `http://127.0.0.1:${oidcPort}`;

/**
 * Apps a spec starts for itself (e2e/support/app-process.ts), from the same build, when it needs
 * a configuration of its own (trusted proxies, Postgres) or a process to measure; and the
 * emulator they share, which the spec starts inside the test runner.
 */
export const extraAppPorts = {
  direct: 3102 + offset,
  proxied: 3103 + offset,
  measured: 3104 + offset,
  postgres: 3105 + offset,
  burst: 3106 + offset,
  slowTenant: 3107 + offset,
  notify: 3108 + offset,
  berlin: 3109 + offset,
  /** API tokens over HTTP, on Postgres (e2e/api-tokens.spec.ts). */
  tokens: 3110 + offset,
  /** A single-sign-on-only app (AUTH_LOCAL_ACCOUNTS=false) driven by an API token. */
  ssoOnly: 3111 + offset,
};
export const extraEmulatorPort = 4112 + offset;
