import "server-only";
import { ApiError } from "@/lib/http/errors";
import { isWorkfrontError } from "@/lib/workfront";
import { type ConnectionActor, logConnectionEvent } from "./actor";
import { identityOf } from "./connect";
import type { TestResultDto } from "./dto";
import type { ConnectionResolver } from "./resolver";
import { markTested } from "./store";

/**
 * "Test connection": asks Workfront whose credential this is, through the app's own client, so a
 * refusal switches the app into "reconnect" and a success ends it. A failure is the test's result
 * (200 with ok: false), not an error of the request.
 */
export async function testConnection(resolver: ConnectionResolver, actor: ConnectionActor): Promise<TestResultDto> {
  const active = await resolver.active();
  if (active.source === "none") throw new ApiError(409, "not_connected", "Workfront is not connected: connect it first.");
  let result: TestResultDto;
  try {
    const user = await active.client.getCurrentUser({ deadlineMs: 20_000 });
    const identity = identityOf(user);
    if (active.source === "stored") {
      await markTested(resolver.options.db, active.connectionId, identity);
    } else {
      Object.assign(resolver.envState, { identity, lastTestedAt: new Date(), state: "ok", reconnectReason: null, reconnectAt: null });
    }
    const who = user.email ? `${user.name} <${user.email}>` : user.name;
    result = {
      ok: true,
      code: null,
      message: identity.mayEditUsers
        ? `Connected as ${who}, a System Administrator: may edit users.`
        : `Connected as ${who}, who is not a System Administrator: Workfront may refuse to deactivate users.`,
    };
  } catch (error) {
    if (!isWorkfrontError(error)) throw error;
    result = {
      ok: false,
      code: error.code,
      message:
        error.code === "auth"
          ? `Workfront refused the credential (${error.message}). Reconnect Workfront.`
          : `The test did not reach a verdict: ${error.message}.`,
    };
  }
  logConnectionEvent("test_workfront", actor, { source: active.source, ok: result.ok, code: result.code });
  return result;
}
