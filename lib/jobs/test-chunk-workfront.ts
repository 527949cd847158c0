import { and, inArray, notInArray } from "drizzle-orm";
import { type Database, jobs } from "@/lib/db";
import { type WorkfrontClient, type WorkfrontUser, WorkfrontError } from "@/lib/workfront";
import { wfId, workfrontUser } from "@/lib/workfront/test-user";
import { claimItems } from "./claim";

/**
 * An in-memory Workfront for the chunk tests (process-chunk, record-outcomes): the calls a chunk
 * makes (read by IDs, bulk and single edits, the tenant's facts, the open-work reports), each of
 * which a test may make fail on cue, and a record of every call. No HTTP, so each branch is reached
 * exactly and quickly.
 */
export { wfId };

export const INTEGRATION_ID = wfId(0xfff1);
export const MAIN_ADMIN_ID = wfId(0xfff2);

export function person(n: number, overrides: Partial<WorkfrontUser> = {}): WorkfrontUser {
  return workfrontUser(wfId(n), {
    name: `Person ${n}`,
    email: `person${n}@acme.example`,
    licenseType: "LIGHT",
    accessLevel: { id: "a".repeat(32), name: "Worker", isAdmin: false },
    ...overrides,
  });
}

type Fault = (arg: never) => unknown;

export interface FakeWorkfront {
  client: WorkfrontClient;
  users: Map<string, WorkfrontUser>;
  /** Each call by method name, with its argument. */
  calls: { method: string; arg: unknown }[];
  /** Per method: return an error to throw it instead of answering (undefined: answer). */
  faults: {
    getUsers?: (ids: readonly string[]) => unknown;
    updateUsers?: (writes: readonly { id: string }[]) => unknown;
    updateUser?: (id: string) => unknown;
    getCustomer?: () => unknown;
    countWorkBy?: () => unknown;
  };
  /** People whose open work blocks their deactivation (one awaiting approval each). */
  blocked: Set<string>;
  /** People whose edits Workfront accepts without applying them. */
  ignoring: Set<string>;
  called: (method: string) => number;
}

export function fakeWorkfront(people: readonly WorkfrontUser[], options: { apiBase?: string } = {}): FakeWorkfront {
  const users = new Map(people.map((user) => [user.id, structuredClone(user)]));
  const calls: FakeWorkfront["calls"] = [];
  const faults: FakeWorkfront["faults"] = {};
  const blocked = new Set<string>();
  const ignoring = new Set<string>();
  const fault = (method: keyof FakeWorkfront["faults"], arg: unknown) => {
    calls.push({ method, arg });
    const error = (faults[method] as Fault | undefined)?.(arg as never);
    if (error !== undefined) throw error;
  };
  const apply = (id: string, updates: { isActive?: boolean; accessLevelID?: string }) => {
    const user = users.get(id);
    if (!user) return undefined;
    if (!ignoring.has(id)) {
      if (updates.isActive !== undefined) user.isActive = updates.isActive;
      if (updates.accessLevelID !== undefined) user.accessLevel = { id: updates.accessLevelID, name: "Restored", isAdmin: false };
    }
    return structuredClone(user);
  };
  const client = {
    apiBase: options.apiBase ?? `https://fake-${Math.random().toString(16).slice(2)}.example/attask/api/v21.0`,
    getUsers: async (ids: readonly string[]) => {
      fault("getUsers", [...ids]);
      return ids.flatMap((id) => (users.has(id) ? [structuredClone(users.get(id)!)] : []));
    },
    updateUsers: async (writes: readonly { id: string; updates: { isActive?: boolean; accessLevelID?: string } }[]) => {
      fault("updateUsers", structuredClone(writes));
      return new Map(writes.flatMap((write) => {
        const user = apply(write.id, write.updates);
        return user ? [[write.id, user] as const] : [];
      }));
    },
    updateUser: async (id: string, updates: { isActive?: boolean; accessLevelID?: string }) => {
      fault("updateUser", id);
      const user = apply(id, updates);
      if (!user) throw new WorkfrontError("not_found", "No such user");
      return user;
    },
    getCurrentUser: async () => {
      calls.push({ method: "getCurrentUser", arg: null });
      return person(0xfff1, { name: "Integration" });
    },
    getCustomer: async () => {
      fault("getCustomer", null);
      return { id: "c".repeat(32), name: "Acme", adminUserId: MAIN_ADMIN_ID };
    },
    userMetadata: async () => {
      calls.push({ method: "userMetadata", arg: null });
      return { licenseTypes: [{ value: "LIGHT", label: "Light" }] };
    },
    countWorkBy: async (_objCode: string, query: { ids: readonly string[] }) => {
      fault("countWorkBy", [...query.ids]);
      return new Map(query.ids.filter((id) => blocked.has(id)).map((id) => [id, 1]));
    },
    searchWork: async () => [],
  };
  return {
    client: client as unknown as WorkfrontClient,
    users,
    calls,
    faults,
    blocked,
    ignoring,
    called: (method) => calls.filter((call) => call.method === method).length,
  };
}

/** Claims the items of `jobIds` only: every other unfinished job of the database is closed first. */
export async function claimJobs(db: Database, jobIds: readonly string[], owner: string, limit = 50) {
  await db
    .update(jobs)
    .set({ status: "completed", finishedAt: new Date() })
    .where(and(inArray(jobs.status, ["queued", "running", "cancelling"]), notInArray(jobs.id, [...jobIds])));
  const claimed = await claimItems(db, { owner, limit, leaseMs: 30_000 });
  if (claimed.some((item) => !jobIds.includes(item.jobId))) throw new Error("claimed another job's items");
  return claimed;
}
