import { type RunningEmulator, type StatsSnapshot, startEmulator } from "../../emulator";

/**
 * Issue 4's benchmark baselines: deactivating N ordinary users against a fresh emulator set like
 * a Workfront tenant under load (100 ms per request, no jitter, 10 requests in flight at most),
 * (a) the way Adobe's how-to does it and (b) with Adobe's `workfront-api` npm package. The
 * harness (`measureBulkDeactivation`) is shared, so the wf-offboard job can be measured the same way.
 */
export const BULK_LATENCY_MS = 100;
export const BULK_IN_FLIGHT_CAP = 10;
export const BULK_DEFAULT_USERS = 200;
/**
 * The cost model (issue 11), so that a request for many people is never cheaper than one for a
 * single person: each person a bulk edit (or a /batch) writes costs 20 ms more, each row a search
 * or get-many reads 1 ms. A bulk edit of 50 takes 100 + 50 × 20 = 1,100 ms, as long as eleven single
 * PUTs; a search for 50 people 150 ms. Workfront's real costs are undocumented: writes run its
 * business rules per object, reads stream rows, hence the two rates.
 */
export const BULK_PER_OBJECT_COST_MS = 20;
export const BULK_PER_ROW_COST_MS = 1;
/** Enough ordinary active users for a 1,000-user job (about 12 % are seeded inactive, a few are admins). */
export const BULK_TENANT_USERS = 2500;
/** The version in every one of Adobe's examples, deactivate-user-api.md included. */
export const DOCUMENTED_API_VERSION = "15.0";
/** The `workfront-api` release on the npm registry (the only one there; see docs/PERFORMANCE.md). */
export const WORKFRONT_API_PACKAGE = "workfront-api";

export interface BulkTarget {
  ID: string;
  name: string;
}

/** What one method did for one user. */
export interface UserOutcome {
  ID: string;
  /** The answer said the user is now inactive (`isActive: false`). */
  deactivated: boolean;
  /** Throttle answers (the emulator's 429) met for this user, retried or not. */
  throttlesSeen: number;
  /** The last answer was a throttle error that nobody retried. */
  throttleLeft: boolean;
  error?: string;
}

export interface BulkContext {
  emulator: RunningEmulator;
  targets: BulkTarget[];
}

export interface BulkRunResult {
  users: number;
  /** From the first request to the last answer; start-up and the choice of users excluded. */
  elapsedMs: number;
  perUserMs: number;
  deactivated: number;
  failed: number;
  throttleErrorsSeen: number;
  throttleErrorsLeftUnretried: number;
  /** Users the emulator holds as inactive afterwards (read through the control API). */
  verifiedInactive: number;
  /** API requests the emulator received during the run, and the most it held at once. */
  requests: number;
  /** The least time the cap allows for those requests (`capBound`). */
  capBoundMs: number;
  /** Throttle answers the emulator sent during the run, whoever retried them afterwards. */
  throttledAnswers: number;
  peakInFlight: number;
  /** This process's peak resident set size during the run, sampled every 20 ms (emulator included). */
  peakRssBytes: number;
  /** When the method runs in a server process of its own: its resident memory just before the run. */
  rssBeforeRunBytes?: number;
  /** When the method runs in a server process of its own: the CPU time it spent on the run. */
  serverCpuMs?: number;
  /** A few distinct error messages, for the report. */
  errors: string[];
}

export interface BulkOptions {
  users?: number;
  tenantUsers?: number;
  seed?: number;
  /** The tenant serves /batch (off by default, as Adobe documents none). */
  batch?: boolean;
}

/** A fresh emulator with the benchmark's realism: 100 ms latency, jitter 0, cap 10. */
export function startBulkEmulator(options: BulkOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    port: 0,
    quiet: true,
    users: options.tenantUsers ?? BULK_TENANT_USERS,
    seed: options.seed ?? 1,
    latencyMs: BULK_LATENCY_MS,
    jitterMs: 0,
    maxInFlight: BULK_IN_FLIGHT_CAP,
    batch: options.batch ?? false,
    // (a) and (b) send v15.0, as every one of Adobe's examples does; it is past its deprecation date
    anyVersion: true,
  });
}

/** Active users who are not administrators, in ID order, found through the API itself. */
export async function pickDeactivationTargets(
  emulator: RunningEmulator,
  count: number,
): Promise<BulkTarget[]> {
  const targets: BulkTarget[] = [];
  for (let first = 0; targets.length < count; first += 2000) {
    const query =
      `isActive=true&accessLevel:isAdmin=false&ID_Sort=asc&$$FIRST=${first}&$$LIMIT=2000` + `&fields=ID,name`;
    const response = await fetch(`${emulator.url}/attask/api/v21.0/user/search?${query}`, {
      headers: { apiKey: emulator.apiKey },
    });
    const page = (await response.json()) as { data?: BulkTarget[] };
    if (!response.ok || !page.data) throw new Error(`user search failed: ${response.status}`);
    targets.push(
      ...page.data.filter((u) => u.ID !== emulator.adminUserID && u.ID !== emulator.integrationUser.ID),
    );
    if (page.data.length < 2000) break;
  }
  if (targets.length < count)
    throw new Error(`only ${targets.length} ordinary active users, ${count} wanted`);
  return targets.slice(0, count);
}

/** Samples this process's RSS on a timer; `stop()` gives the highest value seen. */
export function sampleRss(intervalMs = 20): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

async function control<T>(emulator: RunningEmulator, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`control ${method} ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/**
 * The least time the tenant's cap allows for the requests a method sent: all their service time
 * (latency, plus the cost of every object charged) spread evenly over the cap's slots.
 */
export function capBound(stats: Pick<StatsSnapshot, "total" | "objectsCharged" | "rowsCharged">): number {
  const service = stats.total * BULK_LATENCY_MS + stats.objectsCharged * BULK_PER_OBJECT_COST_MS + stats.rowsCharged * BULK_PER_ROW_COST_MS;
  return service / BULK_IN_FLIGHT_CAP;
}

/**
 * Starts a fresh emulator, picks `users` ordinary active users, runs `deactivate` on them and
 * measures it: time, outcomes, what the emulator saw, and this process's peak RSS.
 */
export async function measureBulkDeactivation(
  deactivate: (context: BulkContext) => Promise<UserOutcome[]>,
  options: BulkOptions = {},
): Promise<BulkRunResult> {
  const users = options.users ?? BULK_DEFAULT_USERS;
  const emulator = await startBulkEmulator(options);
  try {
    const targets = await pickDeactivationTargets(emulator, users);
    // The cost model starts with the clock (picking the targets reads 2,000 rows at a time).
    await control(emulator, "PATCH", "config", { perObjectCostMs: BULK_PER_OBJECT_COST_MS, perRowCostMs: BULK_PER_ROW_COST_MS });
    await control(emulator, "POST", "stats/reset");
    const rss = sampleRss();
    const started = performance.now();
    const outcomes = await deactivate({ emulator, targets });
    const elapsedMs = performance.now() - started;
    const peakRssBytes = rss.stop();
    const stats = await control<StatsSnapshot>(emulator, "GET", "stats");
    let verifiedInactive = 0;
    for (const target of targets) {
      const stored = await control<{ isActive: boolean }>(emulator, "GET", `users/${target.ID}`);
      if (!stored.isActive) verifiedInactive++;
    }
    const deactivated = outcomes.filter((o) => o.deactivated).length;
    return {
      users,
      elapsedMs,
      perUserMs: elapsedMs / users,
      deactivated,
      failed: users - deactivated,
      throttleErrorsSeen: outcomes.reduce((sum, o) => sum + o.throttlesSeen, 0),
      throttleErrorsLeftUnretried: outcomes.filter((o) => o.throttleLeft).length,
      verifiedInactive,
      requests: stats.total,
      capBoundMs: capBound(stats),
      throttledAnswers: stats.throttled,
      peakInFlight: stats.peakInFlight,
      peakRssBytes,
      errors: [...new Set(outcomes.flatMap((o) => (o.error ? [o.error] : [])))].slice(0, 5),
    };
  } finally {
    await emulator.close();
  }
}

/**
 * (a) Adobe's documented method, verbatim (deactivate-user-api.md): one user at a time,
 * `PUT /attask/api/v15.0/USER/<ID>?updates={"isActive":"false"}&method=put&apiKey=<key>&fields=isActive`,
 * reading `isActive: false` from the answer. The how-to has no retry, so neither has this.
 */
export async function deactivateTheDocumentedWay({ emulator, targets }: BulkContext): Promise<UserOutcome[]> {
  const outcomes: UserOutcome[] = [];
  for (const { ID } of targets) {
    const url =
      `${emulator.url}/attask/api/v${DOCUMENTED_API_VERSION}/USER/${ID}` +
      `?updates={"isActive":"false"}&method=put&apiKey=${emulator.apiKey}&fields=isActive`;
    try {
      const response = await fetch(url, { method: "PUT" });
      const body = (await response.json()) as { data?: { isActive?: boolean }; error?: { message?: string } };
      const throttled = response.status === 429;
      outcomes.push({
        ID,
        deactivated: response.ok && body.data?.isActive === false,
        throttlesSeen: throttled ? 1 : 0,
        throttleLeft: throttled,
        error: body.error ? `${response.status} ${body.error.message ?? ""}` : undefined,
      });
    } catch (error) {
      outcomes.push({ ID, deactivated: false, throttlesSeen: 0, throttleLeft: false, error: String(error) });
    }
  }
  return outcomes;
}

/** The slice of `workfront-api`'s Api class this benchmark uses. */
interface WorkfrontApiClient {
  edit(
    objCode: string,
    objID: string,
    updates: Record<string, unknown>,
    fields?: string | string[],
  ): Promise<unknown>;
}

type WorkfrontApiClass = new (config: {
  url: string;
  version?: string;
  apiKey?: string;
}) => WorkfrontApiClient;

interface WorkfrontApiModule {
  Api?: WorkfrontApiClass;
  NodeApi?: WorkfrontApiClass;
}

/**
 * Loads Adobe's package at run time. Its Node build (6.2.0) exports `NodeApi`, the `Api` class
 * with a Node upload method added; newer builds may export `Api` itself. The name is held in a
 * variable so the type checker never loads the package's typings, which pull in @types/node 10.
 */
export async function loadWorkfrontApi(): Promise<WorkfrontApiClass> {
  const name: string = WORKFRONT_API_PACKAGE;
  let loaded: WorkfrontApiModule & { default?: WorkfrontApiModule };
  try {
    loaded = (await import(name)) as WorkfrontApiModule & { default?: WorkfrontApiModule };
  } catch (error) {
    throw new Error(
      `Cannot load the "${name}" npm package (${(error as Error).message}). ` +
        `Install it: npm install --save-exact -D ${name}@6.2.0`,
    );
  }
  const mod = { ...loaded.default, ...loaded };
  const Api = mod.Api ?? mod.NodeApi;
  if (!Api) throw new Error(`"${name}" exports neither Api nor NodeApi`);
  return Api;
}

/**
 * (b) Adobe's `workfront-api` package: `new Api({url, version, apiKey})`, then
 * `edit('USER', id, {isActive: false})` one user at a time. It has no retry either; a rejection
 * is `{status, message}`.
 */
export async function deactivateWithWorkfrontApi({ emulator, targets }: BulkContext): Promise<UserOutcome[]> {
  const Api = await loadWorkfrontApi();
  const api = new Api({ url: emulator.url, version: DOCUMENTED_API_VERSION, apiKey: emulator.apiKey });
  const outcomes: UserOutcome[] = [];
  for (const { ID } of targets) {
    try {
      const data = (await api.edit("USER", ID, { isActive: false })) as { isActive?: boolean };
      outcomes.push({ ID, deactivated: data.isActive === false, throttlesSeen: 0, throttleLeft: false });
    } catch (error) {
      const { status, message } = (error ?? {}) as { status?: number; message?: string };
      const throttled = status === 429;
      outcomes.push({
        ID,
        deactivated: false,
        throttlesSeen: throttled ? 1 : 0,
        throttleLeft: throttled,
        error: `${status ?? "no status"} ${message ?? String(error)}`,
      });
    }
  }
  return outcomes;
}

/** (a) measured: Adobe's documented PUT, one user at a time. */
export function benchDocumentedPut(options: BulkOptions = {}): Promise<BulkRunResult> {
  return measureBulkDeactivation(deactivateTheDocumentedWay, options);
}

/** (b) measured: `workfront-api`'s `edit`, one user at a time. */
export function benchWorkfrontApiPackage(options: BulkOptions = {}): Promise<BulkRunResult> {
  return measureBulkDeactivation(deactivateWithWorkfrontApi, options);
}
