import "server-only";
import { ApiError } from "@/lib/http/errors";
import type { IndexFilter } from "@/lib/user-index";
import type { OffboardingDeps } from "./deps";
import { tenantFacts } from "./tenant-facts";

/**
 * A licence type the tenant does not have is a typo or an old link, not an empty result: it is
 * refused (400) so a script or a shared link does not silently show or export nobody. IDs are
 * checked for their shape by the schema; an ID nobody has simply matches nobody.
 */
export async function assertKnownFilters(deps: Pick<OffboardingDeps, "client">, filter: Pick<IndexFilter, "license">): Promise<void> {
  if (filter.license.length === 0) return;
  const { licenseLabels } = await tenantFacts(deps.client, { stale: "display" });
  const unknown = filter.license.filter((code) => !licenseLabels.has(code));
  if (unknown.length) {
    throw new ApiError(400, "invalid_request", `license: unknown licence type ${unknown.join(", ")} (known: ${[...licenseLabels.keys()].join(", ")})`);
  }
}
