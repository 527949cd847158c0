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
 * The generated history is anchored to the start of the UTC day the emulator started, so the
 * same seed gives the same tenant all day and a reset gives back exactly the first tenant.
 */
export function tenantAnchor(now: number = Date.now()): number {
  return Math.floor(now / DAY_MS) * DAY_MS;
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
