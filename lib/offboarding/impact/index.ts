import "server-only";

/** What a leaver still holds in Workfront (issue 16): the impact check for one person and many. */
export { checkPerson, ITEMS_PER_CATEGORY } from "./check-person";
export { checkPeople } from "./check-people";
export { CATEGORY_DEFS } from "./categories";
export * from "./types";
export { withLinks, workfrontLink, type PersonImpactDto } from "./links";
export { checkGate, assertGate, blockingOf, OpenWorkBlocked, type GateResult } from "./gate";
