import type { StaticConfig } from "./config";
import { DAY_MS } from "./core/wf-date";
import { generateTenant } from "./seed/generate-tenant";
import { CredentialStore } from "./store/credential-store";
import { TenantStore } from "./store/tenant-store";

/** A seeded tenant with its credentials: what POST /__emulator/reset rebuilds. */
export interface Tenant {
  store: TenantStore;
  credentials: CredentialStore;
}

/**
 * The generated history is anchored to the start of a UTC day: the one the emulator started on, or
 * `anchorDay` (so a test can run "on" any day). The same seed gives the same tenant all day, and a
 * reset gives back exactly the first tenant.
 */
export function tenantAnchor(anchorDay: string): number {
  const ms = Date.parse(`${anchorDay}T00:00:00Z`);
  if (!Number.isFinite(ms)) throw new Error(`Invalid anchor day ${anchorDay}`);
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

export function buildTenant(
  statics: StaticConfig,
  anchorMs: number,
  onWrites: (count: number) => void,
): Tenant {
  const data = generateTenant({
    seed: statics.seed,
    users: statics.users,
    licenseTypes: statics.licenseTypes,
    anchorMs,
  });
  const store = new TenantStore(data, onWrites);
  const credentials = new CredentialStore(data.integrationUserID, statics.apiKey, Date.now());
  return { store, credentials };
}
