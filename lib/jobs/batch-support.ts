import "server-only";
import { type WorkfrontClient, isWorkfrontError } from "@/lib/workfront";

/**
 * `/batch` is not in Adobe's API docs (only the official client has it), so jobs use it only where
 * configured (WORKFRONT_BATCH): `off` never, `on` always, `auto` until the tenant answers that it
 * has none, which is then remembered per tenant for the life of the process.
 */
export type BatchSetting = "off" | "auto" | "on";

// On globalThis, like the tenant limiters: every route bundle in the process shares what it learnt.
const key = Symbol.for("wf-offboard.jobs.tenantsWithoutBatch");
const holder = globalThis as typeof globalThis & { [key]?: Set<string> };
const withoutBatch = (): Set<string> => (holder[key] ??= new Set());

export function usesBatch(client: WorkfrontClient, setting: BatchSetting): boolean {
  if (setting === "off") return false;
  return setting === "on" || !withoutBatch().has(client.apiBase);
}

/** A whole /batch request refused as a path Workfront does not serve (not a throttle or outage). */
function isNoBatch(error: unknown): boolean {
  return isWorkfrontError(error) && (error.code === "not_found" || error.code === "validation" || error.code === "forbidden");
}

/** True when the caller should use the documented path instead: `auto`, and the tenant has no /batch. */
export function fallsBackFromBatch(client: WorkfrontClient, setting: BatchSetting, error: unknown): boolean {
  if (setting !== "auto" || !isNoBatch(error)) return false;
  withoutBatch().add(client.apiBase);
  return true;
}

/** For tests: forget what was learnt about tenants. */
export function forgetBatchSupport(): void {
  withoutBatch().clear();
}
