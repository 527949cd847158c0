import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { clientAddress, requestId } from "@/lib/http/request";
import { appWorker } from "@/lib/jobs/app-worker";
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

/** Jobs paused for the credential try it now rather than at the next probe. */
export function nudgeWorker(): void {
  appWorker()
    ?.probeNow()
    .catch(() => {});
}
