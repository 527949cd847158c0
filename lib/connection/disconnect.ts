import "server-only";
import { ApiError } from "@/lib/http/errors";
import { createWorkfrontClient, isWorkfrontError } from "@/lib/workfront";
import { type ConnectionActor, logConnectionEvent } from "./actor";
import type { DisconnectResultDto } from "./dto";
import type { ConnectionResolver } from "./resolver";
import { openSecret } from "./secret";
import { deleteConnection, readConnection } from "./store";

/**
 * "Disconnect": an API key is cleared in Workfront first (clearApiKey, sent with the key itself),
 * so that a copy of it anywhere stops working, then the row goes. A key Workfront already refuses
 * is removed all the same, and the answer says so. If Workfront cannot be reached, nothing is
 * removed: the key would stay valid with nobody holding it. An OAuth2 session is simply forgotten
 * (it expires by itself; the OAuth2 app stays registered in Workfront).
 */
export async function disconnectWorkfront(resolver: ConnectionResolver, actor: ConnectionActor): Promise<DisconnectResultDto> {
  if (resolver.locked) {
    throw new ApiError(409, "settings_locked", "WORKFRONT_API_KEY is set in the server's environment: remove it there and restart.");
  }
  const { db, ring, settings } = resolver.options;
  const row = await readConnection(db);
  if (!row) throw new ApiError(404, "not_connected", "Workfront is not connected.");

  let result: DisconnectResultDto;
  let secret;
  try {
    secret = ring ? openSecret(row.sealedSecret, ring).secret : null;
  } catch {
    secret = null;
  }
  if (row.method === "oauth2") {
    result = { key: "not_applicable", message: "Disconnected. The OAuth2 session was forgotten; the OAuth2 app stays registered in Workfront." };
  } else if (secret?.kind !== "apiKey") {
    result = { key: "already_invalid", message: "Disconnected. The stored key could not be read, so it was not cleared in Workfront: clear it there (Setup › System › Customer Info)." };
  } else {
    try {
      const client = createWorkfrontClient({
        ...settings,
        url: row.tenantUrl,
        credential: { kind: "apiKey", apiKey: secret.apiKey, placement: resolver.options.apiKeyPlacement ?? "header" },
        deadlineMs: 20_000,
      });
      await client.clearOwnApiKey();
      result = { key: "cleared", message: "Disconnected. Workfront cleared the API key." };
    } catch (error) {
      if (!(isWorkfrontError(error) && error.code === "auth")) {
        logConnectionEvent("disconnect_workfront", actor, { outcome: "failed", code: isWorkfrontError(error) ? error.code : "internal" });
        throw new ApiError(502, "workfront_clear_failed", "Workfront could not be asked to clear the API key, so nothing was removed. Try again shortly.");
      }
      result = { key: "already_invalid", message: "Disconnected. Workfront no longer accepted the API key (already expired or cleared)." };
    }
  }
  await deleteConnection(db, row.connectionId);
  resolver.invalidate();
  logConnectionEvent("disconnect_workfront", actor, { outcome: "disconnected", method: row.method, tenant: row.tenantUrl, key: result.key });
  return result;
}
