import type { EmulatorOptions } from "./config";
import { EmulatorServer } from "./server";

export type { EmulatorOptions, FaultKind, LicenseTypeOption, RuntimeConfig, ThrottleMode } from "./config";
export { ANCHOR_DAY_ENV, FAULT_KINDS, THROTTLE_MODES } from "./config";
export type { StatsSnapshot } from "./http/stats";
export type { EmulatorInfo } from "./control/control-api";
/** For tests and demos of the OAuth2 JWT flow: signs claims with RS256 (node:crypto only). */
export { signJwt } from "./oauth/jwt";
export type { JwtClaims } from "./oauth/jwt";
export type { OAuthErrorBody, TokenAnswer } from "./oauth/token-endpoints";

export interface RunningEmulator {
  /** e.g. "http://127.0.0.1:4010" (no trailing slash). */
  url: string;
  /** The integration user's API key. */
  apiKey: string;
  integrationUser: { ID: string; username: string; password: string; name: string };
  /** The Customer's main admin (the "Admin Email" user), who can never be deactivated. */
  adminUserID: string;
  customerID: string;
  /** The UTC day (YYYY-MM-DD) the seeded history is anchored to. */
  anchorDay: string;
  /** Closes promptly, destroying sockets of requests still open (hanging ones included). */
  close(): Promise<void>;
}

/**
 * Starts a local Workfront REST API emulator with a seeded tenant. It plays the vendor over real
 * HTTP: nothing here is shared with the app's code.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const server = new EmulatorServer(options);
  await server.listen();
  const info = server.info();
  if (!server.statics.quiet) {
    console.log(
      `[wf-emulator] Workfront emulator on ${info.url} (${info.users} users, seed ${server.statics.seed})`,
    );
  }
  return {
    url: info.url,
    apiKey: info.apiKey,
    integrationUser: info.integrationUser,
    adminUserID: info.adminUserID,
    customerID: info.customerID,
    anchorDay: info.anchorDay,
    close: () => server.close(),
  };
}
