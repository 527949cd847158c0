import "server-only";
import { type WorkfrontClient, WorkfrontError } from "@/lib/workfront";

/**
 * A WorkfrontClient-shaped facade whose calls all go through one `guard`: the single place where
 * the app renews an OAuth2 session, notices that Workfront refused the credential, and notices that
 * it works again. The facade is stable for the life of a connection (tenant facts are cached per
 * client object), while the client underneath may change (a renewed session).
 */
export type Guard = <T>(call: (client: WorkfrontClient) => Promise<T>) => Promise<T>;

/** Username-and-password actions: a refusal there is a wrong password, not a broken connection. */
const UNGUARDED = new Set<keyof WorkfrontClient>(["generateApiKey", "getApiKey", "clearApiKey"]);

type AnyMethod = (...args: unknown[]) => unknown;

export function guardedClient(current: () => WorkfrontClient, guard: Guard): WorkfrontClient {
  const facade: Record<string, unknown> = {};
  for (const name of Object.keys(current()) as (keyof WorkfrontClient)[]) {
    const method = (client: WorkfrontClient) => client[name] as AnyMethod;
    if (typeof current()[name] !== "function") {
      // Facts about the client, such as its tenant's API base: read through, never called.
      Object.defineProperty(facade, name, { get: () => current()[name], enumerable: true });
    } else if (name === "limiterStats" || UNGUARDED.has(name)) {
      facade[name] = (...args: unknown[]) => method(current())(...args);
    } else {
      facade[name] = (...args: unknown[]) => guard((client) => method(client)(...args) as Promise<unknown>);
    }
  }
  return facade as WorkfrontClient;
}

export const NOT_CONNECTED_MESSAGE = "Workfront is not connected. An admin connects it in Settings.";

/** What the app uses while nothing is connected: every call fails with `not_connected`. */
export function notConnectedClient(shape: WorkfrontClient): WorkfrontClient {
  const facade: Record<string, unknown> = {};
  for (const name of Object.keys(shape) as (keyof WorkfrontClient)[]) {
    facade[name] =
      typeof shape[name] !== "function"
        ? shape[name]
        : name === "limiterStats"
        ? () => ({ max: 0, limit: 0, active: 0, queued: 0, peak: 0 })
        : () => Promise.reject(new WorkfrontError("not_connected", NOT_CONNECTED_MESSAGE));
  }
  return facade as WorkfrontClient;
}
