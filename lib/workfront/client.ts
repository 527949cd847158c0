import { z } from "zod";
import { apiKeyActions } from "./api-key-actions";
import { type BatchOperation, type BatchResult, MAX_BATCH_OPERATIONS, batchUri, readBatchResults } from "./batch";
import { type UserWrite, assertBulkSize, bulkUpdateBody, readBulkAnswer } from "./bulk";
import { type WorkfrontClientConfig, toTransportConfig } from "./config";
import { WorkfrontError } from "./errors";
import { assertWorkfrontId } from "./ids";
import type { LimiterStats } from "./limiter";
import { type LicenseTypeOption, readLicenseTypes } from "./metadata";
import { type Filter, type SearchQuery, encodeFields, encodeSearch } from "./query";
import { type WorkfrontRequest, send } from "./transport";
import { USER_FIELDS, type UserUpdates, type WorkfrontUser, userSchema } from "./user";
import { workCalls } from "./work";

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's deadline for this call. */
  deadlineMs?: number;
}

export type UserSearch = Omit<SearchQuery, "fields">;
export type UserFilter = Pick<SearchQuery, "filters" | "anyOf">;

export type { LicenseTypeOption } from "./metadata";

export interface WorkfrontCustomer {
  id: string;
  name: string | null;
  /** The "Admin Email" user, whom Workfront never lets anyone deactivate. */
  adminUserId: string | null;
}

const customerSchema = z
  .object({ ID: z.string(), name: z.string().nullish(), adminUserID: z.string().nullish() })
  .loose();

const countSchema = z.object({ count: z.number().int().nonnegative() });
const userListSchema = z.array(userSchema);
const atomicAnswerSchema = z.object({ success: z.literal(true) }).loose();

/** Workfront's docs show get-by-ID both as an object and as a one-element array. */
function one(data: unknown): unknown {
  return Array.isArray(data) ? data[0] : data;
}

function parse<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new WorkfrontError("unavailable", `Workfront's answer was not a valid ${what}`);
  return result.data;
}

export function createWorkfrontClient(config: WorkfrontClientConfig) {
  const transport = toTransportConfig(config);
  const call = (request: WorkfrontRequest, options: CallOptions = {}) =>
    send(transport, { ...request, signal: options.signal, deadlineMs: options.deadlineMs });
  const userFields = () => new URLSearchParams({ fields: encodeFields(USER_FIELDS) });

  async function searchUsers(query: UserSearch = {}, options?: CallOptions): Promise<WorkfrontUser[]> {
    const params = encodeSearch({ ...query, fields: USER_FIELDS });
    const data = await call({ method: "GET", path: "user/search", query: params, idempotent: true }, options);
    return parse(userListSchema, data, "USER list");
  }

  async function countUsers(query: UserFilter = {}, options?: CallOptions): Promise<number> {
    const params = encodeSearch(query);
    const data = await call({ method: "GET", path: "user/count", query: params, idempotent: true }, options);
    return parse(countSchema, data, "count").count;
  }

  async function getUser(id: string, options?: CallOptions): Promise<WorkfrontUser> {
    assertWorkfrontId(id);
    const data = await call({ method: "GET", path: `user/${id}`, query: userFields(), idempotent: true }, options);
    return parse(userSchema, one(data), "USER");
  }

  /** The user the credential belongs to (`$$USER`). */
  async function getCurrentUser(options?: CallOptions): Promise<WorkfrontUser> {
    const filters: Filter[] = [{ field: "ID", value: "$$USER" }];
    const [user] = await searchUsers({ filters, limit: 1 }, options);
    if (!user) throw new WorkfrontError("not_found", "Workfront did not say whose credential this is");
    return user;
  }

  async function getCustomer(options?: CallOptions): Promise<WorkfrontCustomer> {
    const query = new URLSearchParams({ fields: "adminUserID", $$LIMIT: "1" });
    const data = await call({ method: "GET", path: "customer/search", query, idempotent: true }, options);
    const customer = parse(customerSchema, one(data), "CUST");
    return { id: customer.ID, name: customer.name ?? null, adminUserId: customer.adminUserID ?? null };
  }

  /**
   * Up to 100 users by ID in one documented search (`ID=…&ID_Mod=in`). People Workfront does not
   * find are simply absent, so one unknown ID never fails the others.
   */
  async function getUsers(ids: readonly string[], options?: CallOptions): Promise<WorkfrontUser[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    assertBulkSize(unique.length, "A read by IDs");
    unique.forEach((id) => assertWorkfrontId(id));
    const users = await searchUsers({ filters: [{ field: "ID", op: "in", values: unique }], limit: unique.length }, options);
    const wanted = new Set(unique);
    return users.filter((user) => wanted.has(user.id));
  }

  /** A PUT with a JSON body; every update sets a fixed value, so retrying it is safe. */
  async function updateUser(id: string, updates: UserUpdates, options?: CallOptions): Promise<WorkfrontUser> {
    assertWorkfrontId(id);
    if (updates.accessLevelID !== undefined) assertWorkfrontId(updates.accessLevelID);
    const request = { method: "PUT", path: `user/${id}`, query: userFields(), json: updates, idempotent: true } as const;
    return parse(userSchema, one(await call(request, options)), "USER");
  }

  /**
   * Up to 100 edits in one documented bulk edit (`PUT /user` with a JSON array, as the official
   * client's `editMultiple`). Answers the users Workfront returned, by ID; with `atomic` Workfront
   * answers only success (everything applied) or an error (nothing applied), so the map is empty.
   * Fixed values only, so the whole request may be retried.
   */
  async function updateUsers(
    writes: readonly UserWrite[],
    options: CallOptions & { atomic?: boolean } = {},
  ): Promise<Map<string, WorkfrontUser>> {
    if (writes.length === 0) return new Map();
    assertBulkSize(writes.length, "A bulk edit");
    const json = bulkUpdateBody(writes);
    const query = options.atomic ? new URLSearchParams({ atomic: "true" }) : userFields();
    const data = await call({ method: "PUT", path: "user", query, json, idempotent: true }, options);
    if (!options.atomic) return readBulkAnswer(data, writes);
    parse(atomicAnswerSchema, data, "atomic bulk edit answer");
    return new Map();
  }

  /**
   * Up to 100 operations in one `/batch` request, answered per operation, in order. `/batch` is not
   * in Adobe's API docs (only the official client has it): callers use it only where configured.
   */
  async function batch(operations: readonly BatchOperation[], options?: CallOptions): Promise<BatchResult[]> {
    if (operations.length === 0) return [];
    if (operations.length > MAX_BATCH_OPERATIONS) {
      throw new WorkfrontError("validation", `A batch holds at most ${MAX_BATCH_OPERATIONS} operations`);
    }
    const form = new URLSearchParams();
    for (const operation of operations) form.append("uri", batchUri(operation));
    form.set("atomic", "false");
    const data = await call({ method: "POST", path: "batch", form, idempotent: true }, options);
    return readBatchResults(data, operations.length);
  }

  async function userMetadata(options?: CallOptions): Promise<{ licenseTypes: LicenseTypeOption[] }> {
    const data = await call({ method: "GET", path: "user/metadata", idempotent: true }, options);
    return { licenseTypes: readLicenseTypes(data) };
  }

  return {
    searchUsers,
    countUsers,
    getUser,
    getUsers,
    getCurrentUser,
    getCustomer,
    updateUser,
    updateUsers,
    batch,
    userMetadata,
    ...apiKeyActions((request) => call(request)),
    ...workCalls((request) => call(request)),
    /** The tenant's versioned API base, e.g. https://acme.my.workfront.com/attask/api/v21.0. */
    apiBase: transport.apiBase,
    limiterStats: (): LimiterStats => transport.limiter.stats(),
  };
}

export type WorkfrontClient = ReturnType<typeof createWorkfrontClient>;
