import "server-only";
import { logger } from "@/lib/logger";

/**
 * Who changed the connection. The audit log (lib/audit) records changes to Workfront *users*: its
 * rows need a 32-hex user as target and a reason, and its CHECK constraints and append-only
 * triggers are built around that. Connection changes are therefore recorded as structured log
 * lines (event connect_workfront / test_workfront / disconnect_workfront) with who, what and the
 * outcome, never a secret, and the row itself keeps who connected and when.
 */
export interface ConnectionActor {
  accountId: string | null;
  email: string;
  requestId?: string;
  clientIp?: string | null;
}

export type ConnectionEvent = "connect_workfront" | "test_workfront" | "disconnect_workfront";

export function logConnectionEvent(event: ConnectionEvent, actor: ConnectionActor, details: Record<string, unknown>): void {
  logger.info(
    { event, actor: actor.email, actorAccountId: actor.accountId, requestId: actor.requestId, clientIp: actor.clientIp, ...details },
    event.replaceAll("_", " "),
  );
}
