import "server-only";
import { readUsers } from "@/lib/jobs/workfront-calls";
import type { WorkfrontClient } from "@/lib/workfront";

export type ReadBack = { ok: true; isActive: boolean } | { ok: false; error: unknown };

/**
 * Whether each person is inactive now, asked of Workfront after the writes: the proof a scheduled
 * deactivation records. First one count of the people given who are inactive (`USER/count` with an
 * ID in-list and `isActive=false`); when it counts every one of them, each exists and is inactive.
 * A count returns no rows, so it costs Workfront less than the search it replaces; only when it
 * falls short does one search by IDs (100 people a request) tell who is still active or gone. A
 * failed count is the failure of everyone it asked about.
 */
export async function readBackStates(client: WorkfrontClient, targetIds: readonly string[]): Promise<Map<string, ReadBack>> {
  const ids = [...new Set(targetIds)];
  if (ids.length === 0) return new Map();
  try {
    const inactive = await client.countUsers({ filters: [{ field: "ID", op: "in", values: ids }, { field: "isActive", value: false }] });
    if (inactive === ids.length) return new Map(ids.map((id) => [id, { ok: true, isActive: false }]));
  } catch (error) {
    return new Map(ids.map((id) => [id, { ok: false, error }]));
  }
  const reads = await readUsers(client, ids);
  return new Map(ids.map((id): [string, ReadBack] => {
    const read = reads.get(id);
    return [id, read?.ok ? { ok: true, isActive: read.user.isActive } : { ok: false, error: read?.error }];
  }));
}
