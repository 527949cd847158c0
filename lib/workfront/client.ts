import { z } from "zod";
import { type BatchOperation, type BatchResult, MAX_BATCH_OPERATIONS, batchUri, readBatchResults } from "./batch";
import { type WorkfrontClientConfig, toTransportConfig } from "./config";
import { WorkfrontError } from "./errors";
import { assertWorkfrontId } from "./ids";
import type { LimiterStats } from "./limiter";
import { type Filter, type SearchQuery, encodeFields, encodeSearch } from "./query";
import { type WorkfrontRequest, send } from "./transport";
import { USER_FIELDS, type UserUpdates, type WorkfrontUser, userSchema } from "./user";

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's deadline for this call. */
  deadlineMs?: number;
}

export type UserSearch = Omit<SearchQuery, "fields">;
export type UserFilter = Pick<SearchQuery, "filters" | "anyOf">;

export interface LicenseTypeOption {
  value: string;
  label: string;
}

export interface WorkfrontCustomer {
  id: string;
  name: string | null;
  /** The "Admin Email" user, whom Workfront never lets anyone deactivate. */
  adminUserId: string | null;
}

const customerSchema = z
  .object({ ID: z.string(), name: z.string().nullish(), adminUserID: z.string().nullish() })
  .loose();

const metadataSchema = z.object({
  fields: z.record(
    z.string(),
    z.object({ possibleValues: z.array(z.object({ label: z.string(), value: z.string() })).optional() }).loose(),
  ),
});

const countSchema = z.object({ count: z.number().int().nonnegative() });
const userListSchema = z.array(userSchema);
const actionResultSchema = z.object({ result: z.string().nullish() }).loose();

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

  /** A PUT with a JSON body; every update sets a fixed value, so retrying it is safe. */
  async function updateUser(id: string, updates: UserUpdates, options?: CallOptions): Promise<WorkfrontUser> {
    assertWorkfrontId(id);
    if (updates.accessLevelID !== undefined) assertWorkfrontId(updates.accessLevelID);
    const request = { method: "PUT", path: `user/${id}`, query: userFields(), json: updates, idempotent: true } as const;
    return parse(userSchema, one(await call(request, options)), "USER");
  }

  /** Up to 100 operations in one `/batch` request, answered per operation, in order. */
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
    const metadata = parse(metadataSchema, data, "USER metadata");
    return { licenseTypes: metadata.fields.licenseType?.possibleValues ?? [] };
  }

  /**
   * The API-key actions of Adobe's how-to. They authenticate with a username and password sent in
   * the form body, never the query, so the password stays out of every URL.
   */
  async function apiKeyAction(
    action: "generateApiKey" | "getApiKey" | "clearApiKey",
    login: { username: string; password: string },
    options?: CallOptions,
  ): Promise<string | null> {
    const form = new URLSearchParams({ action, username: login.username, password: login.password, method: "PUT" });
    const data = await call({ method: "PUT", path: "user", form, idempotent: false, anonymous: true }, options);
    return parse(actionResultSchema, data, `${action} result`).result || null;
  }

  return {
    searchUsers,
    countUsers,
    getUser,
    getCurrentUser,
    getCustomer,
    updateUser,
    batch,
    userMetadata,
    /** Creates (or replaces) the user's API key. */
    generateApiKey: async (login: { username: string; password: string }, options?: CallOptions) => {
      const key = await apiKeyAction("generateApiKey", login, options);
      if (!key) throw new WorkfrontError("unavailable", "Workfront did not return an API key");
      return key;
    },
    /** The user's existing API key, or null when there is none yet. */
    getApiKey: (login: { username: string; password: string }, options?: CallOptions) =>
      apiKeyAction("getApiKey", login, options),
    /** Invalidates the user's API key. */
    clearApiKey: async (login: { username: string; password: string }, options?: CallOptions) => {
      await apiKeyAction("clearApiKey", login, options);
    },
    /**
     * Invalidates the API key this client authenticates with (no password needed: the key is the
     * credential of its own user, as for any other call). Not retried: a lost answer is checked by
     * the caller, not repeated blindly.
     */
    clearOwnApiKey: async (options?: CallOptions) => {
      const form = new URLSearchParams({ action: "clearApiKey", method: "PUT" });
      await call({ method: "PUT", path: "user", form, idempotent: false }, options);
    },
    limiterStats: (): LimiterStats => transport.limiter.stats(),
  };
}

export type WorkfrontClient = ReturnType<typeof createWorkfrontClient>;
