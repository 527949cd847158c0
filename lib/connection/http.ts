import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { clientAddress, requestId } from "@/lib/http/request";
import { appWorker } from "@/lib/jobs/app-worker";
import { appIndex } from "@/lib/user-index/app-index";
import type { ConnectionActor } from "./actor";
import { appConnection } from "./app-connection";
import type { ConnectionStatusDto } from "./dto";
import { keyringFromEnv } from "./keys";
import { connectionStatus } from "./status";

/** Shared by the /api/settings/workfront handlers and the Settings page. */
export function connectionActor(user: SessionUser, request: Request): ConnectionActor {
  return { accountId: user.id, email: user.email, requestId: requestId(), clientIp: clientAddress(request.headers) };
}

export async function appConnectionStatus(): Promise<ConnectionStatusDto> {
  const config = env();
  return connectionStatus(await appConnection(), config, keyringFromEnv(config) !== null);
}

/**
 * After a connection changes: jobs paused for the credential try it now rather than at the next
 * probe, and the users index of the (maybe new) tenant is read now rather than at the next refresh.
 */
export function wakeAfterConnectionChange(): void {
  appWorker()
    ?.probeNow()
    .catch(() => {});
  void appIndex()?.refreshNow();
}
