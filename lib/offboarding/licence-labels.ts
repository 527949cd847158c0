import "server-only";
import type { WorkfrontClient } from "@/lib/workfront";
import { tenantFacts } from "./tenant-facts";

/** How long an export or a page waits for the tenant's labels before it shows codes instead. */
const WAIT_MS = 5_000;

/**
 * The tenant's names of its licence types ("Contributor" for the code `REQUESTOR`), as the screens
 * show them; Workfront names them in the tenant's language and an admin may rename them, so they
 * are read from the tenant, not translated here. Kept facts are used even if a day old; where
 * none can be had within a few seconds (not connected, Workfront down) the map is empty and
 * callers show the code, so a list or an export never waits on Workfront for a label.
 */
export async function displayLicenceLabels(client: WorkfrontClient, waitMs = WAIT_MS): Promise<ReadonlyMap<string, string>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadonlyMap<string, string>>((resolve) => {
    timer = setTimeout(() => resolve(new Map()), waitMs);
    timer.unref?.();
  });
  const labels = tenantFacts(client, { stale: "display" }).then(
    (facts) => facts.licenseLabels,
    () => new Map<string, string>(),
  );
  try {
    return await Promise.race([labels, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A licence type's name where known, else its code. */
export function licenceLabel(labels: ReadonlyMap<string, string>, code: string | null | undefined): string | null {
  return code ? (labels.get(code) ?? code) : null;
}
