import "server-only";
import type { Env } from "@/lib/env";
import type { ConnectionDto, ConnectionStatusDto } from "./dto";
import { keyExpiry } from "./key-age";
import type { ConnectionResolver } from "./resolver";
import { lastFour } from "./secret";
import { type ConnectionRow, readConnection } from "./store";

type StatusEnv = Pick<Env, "WORKFRONT_URL" | "WORKFRONT_API_KEY" | "WORKFRONT_KEY_WARN_DAYS" | "WORKFRONT_KEY_LIFETIME_DAYS">;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function expiryOf(createdAt: Date | null, method: ConnectionRow["method"], config: StatusEnv) {
  if (!createdAt || method === "oauth2") return { keyExpiresAt: null, keyExpiresSoon: false };
  const { expiresAt, expiresSoon } = keyExpiry(createdAt, config.WORKFRONT_KEY_LIFETIME_DAYS, config.WORKFRONT_KEY_WARN_DAYS);
  return { keyExpiresAt: expiresAt.toISOString(), keyExpiresSoon: expiresSoon };
}

function fromRow(row: ConnectionRow, config: StatusEnv): ConnectionDto {
  return {
    tenantUrl: row.tenantUrl,
    method: row.method,
    hint: row.hint,
    connectedBy: row.connectedByEmail,
    connectedAt: iso(row.connectedAt),
    keyCreatedAt: row.method === "oauth2" ? null : iso(row.keyCreatedAt),
    keyCreatedExact: row.keyCreatedExact,
    ...expiryOf(row.keyCreatedAt, row.method, config),
    workfrontUser: { id: row.workfrontUserId, name: row.workfrontUserName, email: row.workfrontUserEmail },
    mayEditUsers: row.mayEditUsers,
    state: row.state,
    reconnectReason: row.reconnectReason,
    reconnectAt: iso(row.reconnectAt),
    lastTestedAt: iso(row.lastTestedAt),
  };
}

/** The status the Settings page and the dashboard banner show; reads the row fresh (no cache). */
export async function connectionStatus(resolver: ConnectionResolver, config: StatusEnv, canStore: boolean): Promise<ConnectionStatusDto> {
  const base = {
    canStore,
    suggestedTenant: config.WORKFRONT_URL,
    keyWarnDays: config.WORKFRONT_KEY_WARN_DAYS,
    keyLifetimeDays: config.WORKFRONT_KEY_LIFETIME_DAYS,
  };
  if (config.WORKFRONT_API_KEY) {
    const known = resolver.envState;
    return {
      ...base,
      source: "environment",
      locked: true,
      connection: {
        tenantUrl: new URL(config.WORKFRONT_URL).origin,
        method: "api_key",
        hint: lastFour(config.WORKFRONT_API_KEY),
        connectedBy: null,
        connectedAt: null,
        keyCreatedAt: null,
        keyCreatedExact: false,
        keyExpiresAt: null,
        keyExpiresSoon: false,
        workfrontUser: known.identity
          ? { id: known.identity.workfrontUserId, name: known.identity.workfrontUserName, email: known.identity.workfrontUserEmail }
          : null,
        mayEditUsers: known.identity?.mayEditUsers ?? null,
        state: known.state,
        reconnectReason: known.reconnectReason,
        reconnectAt: iso(known.reconnectAt),
        lastTestedAt: iso(known.lastTestedAt),
      },
    };
  }
  const row = await readConnection(resolver.options.db);
  return { ...base, source: row ? "stored" : "none", locked: false, connection: row ? fromRow(row, config) : null };
}
