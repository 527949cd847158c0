import type { Filter, SearchQuery, WorkfrontClient, WorkfrontUser } from "@/lib/workfront";
import { wfId, workfrontUser } from "@/lib/workfront/test-user";

/**
 * An in-memory Workfront client for the users list and look-ups: the reads lib/offboarding makes
 * (searchUsers, countUsers, getUser and the three tenant-fact reads), answered from a plain array
 * of users and recorded, so a test can check both what came back and what Workfront was asked.
 */

export { wfId };

export function wfUser(n: number, overrides: Partial<WorkfrontUser> = {}): WorkfrontUser {
  return workfrontUser(wfId(n), {
    name: `Person ${n}`,
    firstName: "Person",
    lastName: String(n),
    email: `person${n}@example.com`,
    username: `person${n}`,
    ...overrides,
  });
}

export interface RecordedCall {
  method: "searchUsers" | "countUsers" | "getUser";
  query: unknown;
  signal: AbortSignal | undefined;
}

export interface FakeUsersOptions {
  apiBase?: string;
  integrationUserId?: string;
  mainAdminId?: string | null;
  licenseTypes?: readonly { value: string; label: string }[];
  /** What countUsers answers instead of the number of matching users (people added or gone since). */
  count?: (actual: number) => number;
  /** False: answer in the array's order, whatever the sort asked for. */
  honoursSort?: boolean;
}

const FIELDS: Record<string, (user: WorkfrontUser) => unknown> = {
  ID: (user) => user.id,
  name: (user) => user.name,
  emailAddr: (user) => user.email,
  username: (user) => user.username,
  isActive: (user) => user.isActive,
};

function matches(user: WorkfrontUser, filter: Filter): boolean {
  const read = FIELDS[filter.field];
  if (!read) throw new Error(`the fake client cannot filter on ${filter.field}`);
  const value = read(user);
  const lower = (text: unknown) => String(text).toLowerCase();
  if (!("op" in filter) || filter.op === undefined || filter.op === "eq")
    return "value" in filter && value === filter.value;
  switch (filter.op) {
    case "in":
      return filter.values.includes(value as string);
    case "ciin":
      return value !== null && filter.values.map(lower).includes(lower(value));
    case "cicontains":
      return value !== null && lower(value).includes(lower(filter.value));
    default:
      throw new Error(`the fake client cannot apply ${filter.op}`);
  }
}

function select(
  users: readonly WorkfrontUser[],
  query: Pick<SearchQuery, "filters" | "anyOf">,
): WorkfrontUser[] {
  return users.filter(
    (user) =>
      (query.filters ?? []).every((filter) => matches(user, filter)) &&
      (!query.anyOf || query.anyOf.some((group) => group.every((filter) => matches(user, filter)))),
  );
}

export function fakeUsersClient(initial: readonly WorkfrontUser[], options: FakeUsersOptions = {}) {
  let users = [...initial];
  const calls: RecordedCall[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let factLoads = 0;
  let gate: Promise<void> = Promise.resolve();
  let mainAdminId = options.mainAdminId === undefined ? null : options.mainAdminId;
  /** Answers after other started calls had their chance to start too, as a network would. */
  const later = async <T>(answer: () => T): Promise<T> => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    inFlight -= 1;
    return answer();
  };
  const client = {
    apiBase: options.apiBase ?? "https://fake-tenant.example/attask/api/v21.0",
    getCurrentUser: async () => {
      factLoads += 1;
      await gate;
      return { id: options.integrationUserId ?? wfId(0xfff) };
    },
    getCustomer: async () => ({ id: "c", name: null, adminUserId: mainAdminId }),
    userMetadata: async () => ({ licenseTypes: [...(options.licenseTypes ?? [])] }),
    searchUsers: (query: SearchQuery = {}, callOptions?: { signal?: AbortSignal }) => {
      calls.push({ method: "searchUsers", query, signal: callOptions?.signal });
      return later(() => {
        const found = select(users, query);
        const sortsById = options.honoursSort !== false && query.sort?.[0]?.field === "ID";
        if (sortsById) found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const first = query.first ?? 0;
        return found.slice(first, first + (query.limit ?? 100));
      });
    },
    countUsers: (
      query: Pick<SearchQuery, "filters" | "anyOf"> = {},
      callOptions?: { signal?: AbortSignal },
    ) => {
      calls.push({ method: "countUsers", query, signal: callOptions?.signal });
      return later(() => {
        const actual = select(users, query).length;
        return options.count ? options.count(actual) : actual;
      });
    },
    getUser: (id: string, callOptions?: { signal?: AbortSignal }) => {
      calls.push({ method: "getUser", query: id, signal: callOptions?.signal });
      return later(() => {
        const user = users.find((candidate) => candidate.id === id);
        if (!user) throw new Error(`no user ${id}`);
        return user;
      });
    },
  } as unknown as WorkfrontClient;
  return {
    client,
    calls,
    searches: () => calls.filter((call) => call.method === "searchUsers"),
    counts: () => calls.filter((call) => call.method === "countUsers"),
    maxInFlight: () => maxInFlight,
    factLoads: () => factLoads,
    setUsers: (next: readonly WorkfrontUser[]) => (users = [...next]),
    changeMainAdmin: (id: string | null) => (mainAdminId = id),
    /** Holds the next tenant-fact load until the returned function is called. */
    holdNextFactLoad: () => {
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      return () => open();
    },
  };
}

export type FakeUsersClient = ReturnType<typeof fakeUsersClient>;
