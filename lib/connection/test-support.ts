import type { RunningEmulator } from "@/emulator";
import type { Database } from "@/lib/db";
import { control } from "@/lib/workfront/test-support";
import { generateKeyPairSync } from "node:crypto";
import type { ConnectionActor } from "./actor";
import { keyring } from "./crypto";
import { ConnectionResolver, type ResolverOptions } from "./resolver";

/** Helpers for the connection tests: a resolver over a test database, an OAuth2 app, an actor. */
export const SECRET = "s".repeat(32) + "-connection-test-secret";

export const admin: ConnectionActor = { accountId: null, email: "admin@example.com" };

export function testResolver(db: Database, overrides: Partial<ResolverOptions> = {}): ConnectionResolver {
  return new ConnectionResolver({
    db,
    ring: keyring(SECRET),
    settings: { timeoutMs: 5_000, deadlineMs: 15_000, retryBaseMs: 10, retryCapMs: 100, maxRetries: 2 },
    envConnection: null,
    versionTtlMs: 0,
    ...overrides,
  });
}

export interface TestOAuthApp {
  clientId: string;
  clientSecret: string;
  customerId: string;
  userId: string;
  privateKeyPem: string;
}

/** Registers a JWT app on the emulator, as an admin would in Setup › System › OAuth2 Applications. */
export async function registerOAuthApp(emulator: RunningEmulator): Promise<TestOAuthApp> {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const app = await control<Omit<TestOAuthApp, "privateKeyPem">>(emulator, "POST", "oauth-apps", {
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  });
  return { ...app, privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}

export async function keyState(emulator: RunningEmulator, username = emulator.integrationUser.username) {
  return control<{ state: "valid" | "expired" | "none"; issuedAt: string | null }>(emulator, "GET", `api-keys/${encodeURIComponent(username)}`);
}

export async function routeCount(emulator: RunningEmulator, route: string): Promise<number> {
  const stats = await control<{ byRoute: Record<string, number> }>(emulator, "GET", "stats");
  return stats.byRoute[route] ?? 0;
}
