import "server-only";
import { type Database, getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { clientSettingsFromEnv, envCredential } from "@/lib/workfront/from-env";
import { keyringFromEnv } from "./keys";
import { ConnectionResolver } from "./resolver";

/**
 * The process's one resolver, on globalThis because Next may load this module in several bundles
 * (route handlers, server components, instrumentation) and they must share the cached client, its
 * OAuth2 session and the environment key's state.
 */
const key = Symbol.for("wf-offboard.connection.resolver");
type Holder = { resolver?: Promise<ConnectionResolver> };
const holder: Holder = ((globalThis as { [key]?: Holder })[key] ??= {});

export function resolverFor(db: Database): ConnectionResolver {
  const config = env();
  return new ConnectionResolver({
    db,
    ring: keyringFromEnv(config),
    settings: clientSettingsFromEnv(config),
    envConnection: envCredential(config),
    apiKeyPlacement: config.WORKFRONT_API_KEY_PLACEMENT,
    log: logger.child({ module: "connection" }),
  });
}

export function appConnection(): Promise<ConnectionResolver> {
  holder.resolver ??= getDb()
    .then(resolverFor)
    .catch((error: unknown) => {
      holder.resolver = undefined;
      throw error;
    });
  return holder.resolver;
}
