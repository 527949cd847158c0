import "server-only";
import type { WorkfrontClient } from "@/lib/workfront";

/**
 * Facts about the tenant that every list and every deactivation needs, fetched once and kept for
 * a few minutes: whose credential this is, who the main admin is, and the licence type labels.
 */
export interface TenantFacts {
  integrationUserId: string;
  mainAdminId: string | null;
  licenseLabels: ReadonlyMap<string, string>;
}

const TTL_MS = 10 * 60_000;
const cache = new WeakMap<WorkfrontClient, { at: number; facts: Promise<TenantFacts> }>();

async function load(client: WorkfrontClient): Promise<TenantFacts> {
  const [self, customer, metadata] = await Promise.all([
    client.getCurrentUser(),
    client.getCustomer(),
    client.userMetadata(),
  ]);
  return {
    integrationUserId: self.id,
    mainAdminId: customer.adminUserId,
    licenseLabels: new Map(metadata.licenseTypes.map((option) => [option.value, option.label])),
  };
}

export function tenantFacts(client: WorkfrontClient): Promise<TenantFacts> {
  const cached = cache.get(client);
  if (cached && Date.now() - cached.at < TTL_MS) return cached.facts;
  const facts = load(client);
  cache.set(client, { at: Date.now(), facts });
  // A failed load must not be served from the cache: the next caller tries again.
  facts.catch(() => {
    if (cache.get(client)?.facts === facts) cache.delete(client);
  });
  return facts;
}
