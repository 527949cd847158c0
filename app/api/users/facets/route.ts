import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { ApiError, respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { appDeps } from "@/lib/offboarding/deps";
import { tenantFacts } from "@/lib/offboarding/tenant-facts";
import { indexState, tenantOf } from "@/lib/user-index";
import { userFacetsAt } from "@/lib/user-index/facets";

export const dynamic = "force-dynamic";

/** GET /api/users/facets → the values the users page's filters offer, with counts, from the index. */
export function GET() {
  return respond(async () => {
    await requireApiUser("viewUsers");
    const deps = await appDeps();
    const tenant = tenantOf(deps.client);
    const state = await indexState(deps.db, tenant);
    if (!state) {
      throw new ApiError(503, "index_not_ready", "The list of Workfront users is still being read for the first time; filters work once it is done.");
    }
    const [facets, facts] = await Promise.all([userFacetsAt(deps.db, tenant, state.version), tenantFacts(deps.client, { stale: "display" })]);
    // Licence types are codes; the tenant's own labels name them, and every type it has is offered.
    const counted = new Map(facets.license.map((option) => [option.value, option.count]));
    const license = [...facts.licenseLabels].map(([value, label]) => ({ value, label, count: counted.get(value) ?? 0 }));
    return NextResponse.json({ ...facets, license }, { headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
