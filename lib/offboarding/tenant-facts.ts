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
const STALE_DISPLAY_MS = 24 * 60 * 60_000;
interface Entry {
  at: number;
  facts: Promise<TenantFacts>;
  loaded?: boolean;
  /** The load that will replace this entry. */
  next?: Promise<TenantFacts>;
}
const cache = new WeakMap<WorkfrontClient, Entry>();

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

function reload(client: WorkfrontClient, previous?: Entry): Promise<TenantFacts> {
  if (previous?.next) return previous.next;
  const facts = load(client);
  const entry: Entry = { at: Date.now(), facts };
  // While it loads, readers that accept stale facts keep the last good ones.
  if (previous?.loaded) previous.next = facts;
  else cache.set(client, entry);
  facts.then(
    () => {
      entry.loaded = true;
      cache.set(client, entry);
    },
    () => {
      // A failed load is not served from the cache: the next caller tries again.
      if (previous) previous.next = undefined;
      if (cache.get(client) === entry) cache.delete(client);
    },
  );
  return facts;
}

/**
 * The tenant's facts, at most 10 minutes old. With `stale: "display"` (lists: the protections shown
 * beside each person) facts up to a day old are answered at once while fresh ones load, so a list
 * read from the index never waits for Workfront; decisions always wait for fresh facts.
 */
export function tenantFacts(client: WorkfrontClient, options: { stale?: "display" } = {}): Promise<TenantFacts> {
  const cached = cache.get(client);
  const age = cached ? Date.now() - cached.at : Infinity;
  if (cached && age < TTL_MS) return cached.facts;
  if (cached?.loaded && options.stale === "display" && age < STALE_DISPLAY_MS) {
    reload(client, cached).catch(() => undefined);
    return cached.facts;
  }
  return reload(client, cached);
}
