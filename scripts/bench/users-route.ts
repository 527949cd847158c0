import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { startEmulator } from "../../emulator";
import { encodeSearch, type Filter, type SortKey } from "../../lib/workfront/query";
import { USER_FIELDS } from "../../lib/workfront/user";
import type { BenchReport, BenchRow, Benchmark } from "./registry";
import { mean, percentile, round } from "./stats";
import {
  type BuildInfo,
  ensureBuild,
  readBuildId,
  runningNextBuilds,
  signIn,
  startApp,
  PROJECT_DIR,
} from "./users-route-app";

/**
 * `GET /api/users` through the real app (`next start`, signed in as the viewer) against the same
 * two Workfront requests sent straight to the emulator, interleaved one request at a time so that
 * machine noise falls on both alike. The difference is what the route adds: session and role
 * check in the database, validation, the Workfront client (limiter, retries, zod), DTOs and JSON.
 */
export const USERS_ROUTE_TENANT = 50_000;
const API_VERSION = "21.0";
const API_KEY = "bench0users0route0000000000000key";
const VIEWER = { email: "viewer@demo.local", password: "demo-viewer-password" };
const PAGE_SIZE = 25;

/** The dashboard's default view: active users by name, first page of 25. */
const ROUTE_QUERY = `status=active&sort=name&dir=asc&page=1&pageSize=${PAGE_SIZE}`;

/**
 * What `listUsers` (lib/offboarding/list-users.ts) sends for that view, built with the client's own
 * encoder and field list: one search and one count, in parallel.
 */
export function directRequests(): { search: URLSearchParams; count: URLSearchParams } {
  const filters: Filter[] = [{ field: "isActive", value: true }];
  const sort: SortKey[] = [
    { field: "name", direction: "ciasc" },
    { field: "ID", direction: "asc" },
  ];
  return {
    search: encodeSearch({ fields: USER_FIELDS, filters, sort, first: 0, limit: PAGE_SIZE }),
    count: encodeSearch({ filters }),
  };
}

/** Waits until the app answers the users list from its index (it reads the tenant at start). */
async function untilIndexed(appUrl: string, cookie: string): Promise<void> {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    const response = await fetch(`${appUrl}/api/users?${ROUTE_QUERY}`, { headers: { cookie } });
    const page = (await response.json()) as { source?: string };
    if (page.source === "index") return;
    if (Date.now() > deadline) throw new Error("The app did not build its users index within 5 minutes");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export interface Summary {
  p50: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: mean(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

export interface UsersRouteResult {
  route: Summary;
  direct: Summary;
  /** `GET /api/health`: what any request to `next start` costs (no session, no database, no Workfront). */
  floor: Summary;
  /** The same route served by an earlier build (BENCH_BASELINE_DIR), when one was given. */
  baseline?: { summary: Summary; dir: string; buildId: string | null; commit: string | null; pairedMedian: number };
  /** Median over the pairs of (route − direct) for the same iteration. */
  pairedMedian: number;
  requests: number;
  warmup: number;
  firstRouteMs: number;
  total: number;
  /** Requests the emulator saw during the timed phase, by route. */
  emulatorRequests: Record<string, number>;
  build: BuildInfo;
  loadBefore: number[];
  loadAfter: number[];
  emulatorStartMs: number;
  appStartMs: number;
  searchUrl: string;
  countUrl: string;
}

interface Page {
  users: { id: string }[];
  total: number;
}

export interface UsersRouteOptions {
  warmup?: number;
  requests?: number;
  /** Rebuild when a source is newer than `.next` (default); false uses any build there is. */
  rebuildIfStale?: boolean;
  /**
   * A checkout with its own production build (e.g. the previous commit) to serve the same route
   * beside this one, interleaved in the same run: a change's effect measured side by side rather
   * than against figures from another day. Default: BENCH_BASELINE_DIR.
   */
  baselineDir?: string;
}

export async function benchUsersRoute(options: UsersRouteOptions = {}): Promise<UsersRouteResult> {
  const warmup = options.warmup ?? 30;
  const requests = options.requests ?? 200;
  const build = await ensureBuild({ rebuildIfStale: options.rebuildIfStale ?? true });
  const baselineDir = options.baselineDir ?? process.env.BENCH_BASELINE_DIR;
  if (baselineDir && readBuildId(baselineDir) === null) {
    throw new Error(`BENCH_BASELINE_DIR ${baselineDir} has no production build: run \`npm ci && npx next build\` there first.`);
  }

  const emulatorStarted = performance.now();
  const emulator = await startEmulator({
    port: 0,
    users: USERS_ROUTE_TENANT,
    apiKey: API_KEY,
    quiet: true,
    latencyMs: 0,
    jitterMs: 0,
    maxInFlight: 0,
    faultRate: 0,
  });
  const emulatorStartMs = performance.now() - emulatorStarted;
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let baselineApp: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    const appStarted = performance.now();
    app = await startApp({
      workfrontUrl: emulator.url,
      workfrontApiKey: API_KEY,
      // No refresh of the users index during the run: it would add Workfront requests to the counts.
      env: { WORKFRONT_API_VERSION: API_VERSION, USER_INDEX_REFRESH_MS: "3600000" },
    });
    const appStartMs = performance.now() - appStarted;
    const cookie = await signIn(app.url, VIEWER.email, VIEWER.password);
    await untilIndexed(app.url, cookie);
    const appEnv = { WORKFRONT_API_VERSION: API_VERSION };
    baselineApp = baselineDir
      ? await startApp({ dir: baselineDir, workfrontUrl: emulator.url, workfrontApiKey: API_KEY, env: appEnv })
      : undefined;
    const baselineCookie = baselineApp ? await signIn(baselineApp.url, VIEWER.email, VIEWER.password) : null;

    const apiBase = `${emulator.url}/attask/api/v${API_VERSION}`;
    const { search, count } = directRequests();
    const searchUrl = `${apiBase}/user/search?${search}`;
    const countUrl = `${apiBase}/user/count?${count}`;
    const wfHeaders = { accept: "application/json", apiKey: API_KEY };

    const routeOf = (running: typeof app, sessionCookie: string) => async (): Promise<Page> => {
      const response = await fetch(`${running!.url}/api/users?${ROUTE_QUERY}`, { headers: { cookie: sessionCookie } });
      if (!response.ok) {
        throw new Error(
          `GET /api/users answered ${response.status}: ${(await response.text()).slice(0, 300)}\n${running!.output()}`,
        );
      }
      return (await response.json()) as Page;
    };
    const viaRoute = routeOf(app, cookie);
    const viaBaseline = baselineApp && baselineCookie ? routeOf(baselineApp, baselineCookie) : null;
    const wf = async <T>(url: string): Promise<T> => {
      const response = await fetch(url, { headers: wfHeaders });
      if (!response.ok)
        throw new Error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
      return ((await response.json()) as { data: T }).data;
    };
    const healthUrl = `${app.url}/api/health`;
    const viaHealth = async (): Promise<void> => {
      const response = await fetch(healthUrl);
      await response.json();
      if (!response.ok) throw new Error(`GET /api/health answered ${response.status}`);
    };
    const direct = async (): Promise<Page> => {
      const [users, counted] = await Promise.all([
        wf<{ ID: string }[]>(searchUrl),
        wf<{ count: number }>(countUrl),
      ]);
      return { users: users.map((user) => ({ id: user.ID })), total: counted.count };
    };

    // The first request also loads the tenant facts (3 more Workfront calls, then cached 10 min).
    const t0 = performance.now();
    const first = await viaRoute();
    const firstRouteMs = performance.now() - t0;
    await viaBaseline?.();
    const reference = await direct();
    // The same people on the page: the index sorts accents with their plain letters, Workfront
    // by code point, so the order may differ where names carry accents.
    const ids = (page: Page) => page.users.map((user) => user.id).sort().join(",");
    const overlap = first.users.filter((user) => reference.users.some((other) => other.id === user.id)).length;
    if (first.total !== reference.total || first.users.length !== PAGE_SIZE || (overlap < PAGE_SIZE - 3 && ids(first) !== ids(reference))) {
      throw new Error(
        `The route and the direct requests disagree: ${first.users.length} rows / total ${first.total} ` +
          `against ${reference.users.length} rows / total ${reference.total}`,
      );
    }

    const loadBefore = loadavg();
    const routeSamples: number[] = [];
    const directSamples: number[] = [];
    const floorSamples: number[] = [];
    const baselineSamples: number[] = [];
    const variants: { run: () => Promise<unknown>; samples: number[] }[] = [
      { run: viaRoute, samples: routeSamples },
      { run: direct, samples: directSamples },
      ...(viaBaseline ? [{ run: viaBaseline, samples: baselineSamples }] : []),
    ];
    const stats = async (path: "stats" | "stats/reset") => {
      const response = await fetch(`${emulator.url}/__emulator/${path}`, {
        method: path === "stats" ? "GET" : "POST",
      });
      return (await response.json()) as { byRoute?: Record<string, number> };
    };
    for (let i = 0; i < warmup + requests; i++) {
      if (i === warmup) await stats("stats/reset");
      // Rotate which goes first, so none always follows another; the floor goes last.
      const order = variants.map((_, k) => variants[(k + i) % variants.length]!);
      for (const variant of [...order, { run: viaHealth, samples: floorSamples }]) {
        const started = performance.now();
        await variant.run();
        const elapsed = performance.now() - started;
        if (i >= warmup) variant.samples.push(elapsed);
      }
    }
    const emulatorRequests = (await stats("stats")).byRoute ?? {};
    const loadAfter = loadavg();

    // The route reads the users index; the direct requests (and an older build's route) ask Workfront.
    const asking = variants.length - 1;
    const expected = { "GET USER/search": asking * requests, "GET USER/count": asking * requests };
    const seen = Object.entries(emulatorRequests).filter(([, n]) => n > 0);
    if (seen.length !== 2 || seen.some(([key, n]) => expected[key as keyof typeof expected] !== n)) {
      throw new Error(
        `Expected one search and one count per request, the emulator saw ${JSON.stringify(emulatorRequests)}`,
      );
    }
    if (readBuildId(PROJECT_DIR) !== build.buildId) {
      throw new Error("Someone rebuilt .next during the run: the figures may mix two builds. Run it again.");
    }
    const others = runningNextBuilds();
    if (others.length > 0)
      console.log(`  note: a next build started during the run (pid ${others.map((b) => b.pid).join(", ")})`);

    const pairs = routeSamples.map((value, i) => value - directSamples[i]!);
    return {
      route: summarize(routeSamples),
      direct: summarize(directSamples),
      floor: summarize(floorSamples),
      baseline: baselineDir
        ? {
            summary: summarize(baselineSamples),
            dir: baselineDir,
            buildId: readBuildId(baselineDir),
            commit: commitOf(baselineDir),
            pairedMedian: percentile(routeSamples.map((value, i) => value - baselineSamples[i]!), 50),
          }
        : undefined,
      pairedMedian: percentile(pairs, 50),
      requests,
      warmup,
      firstRouteMs,
      total: reference.total,
      emulatorRequests,
      build,
      loadBefore,
      loadAfter,
      emulatorStartMs,
      appStartMs,
      searchUrl: searchUrl.replace(emulator.url, ""),
      countUrl: countUrl.replace(emulator.url, ""),
    };
  } finally {
    await baselineApp?.stop();
    await app?.stop();
    await emulator.close();
  }
}

const ms = (value: number) => `${round(value)} ms`;

/** The checked-out commit of a directory, for the report; null when it is not a git checkout. */
function commitOf(dir: string): string | null {
  try {
    return execFileSync("git", ["-C", dir, "log", "-1", "--format=%h %s"], { encoding: "utf8" }).trim().slice(0, 100);
  } catch {
    return null;
  }
}
const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(" / ");

export const usersRouteBenchmark: Benchmark = {
  id: "users-route",
  title: "GET /api/users against the emulator called directly, 50,000 users",
  description:
    "The dashboard's default view (`GET /api/users?" +
    ROUTE_QUERY +
    "`, signed in as the viewer) through `next start`, and the same two Workfront requests the route " +
    "makes (one `USER/search` with the 20 dashboard fields, one `USER/count`, in parallel) sent straight to " +
    "the emulator, interleaved request by request in one run against a 50,000-user tenant with latency 0. " +
    "Goal (issue 3): the route adds at most 5 ms at p50.",
  async run(): Promise<BenchReport> {
    const r = await benchUsersRoute();
    const rows: BenchRow[] = [
      { metric: "route p50", value: round(r.route.p50), unit: "ms" },
      { metric: "route p99", value: round(r.route.p99), unit: "ms" },
      { metric: "route mean", value: round(r.route.mean), unit: "ms" },
      { metric: "direct p50", value: round(r.direct.p50), unit: "ms" },
      { metric: "direct p99", value: round(r.direct.p99), unit: "ms" },
      { metric: "direct mean", value: round(r.direct.mean), unit: "ms" },
      {
        metric: "added by the route at p50 (route p50 − direct p50)",
        value: round(r.route.p50 - r.direct.p50),
        unit: "ms",
        goal: { op: "<=", value: 5 },
      },
      {
        metric: "added by the route at p99 (route p99 − direct p99)",
        value: round(r.route.p99 - r.direct.p99),
        unit: "ms",
      },
      { metric: "median of the per-pair differences", value: round(r.pairedMedian), unit: "ms" },
      {
        metric: "floor: `GET /api/health` p50 (any request to next start)",
        value: round(r.floor.p50),
        unit: "ms",
      },
      {
        metric: "first route request (cold, loads the tenant facts)",
        value: round(r.firstRouteMs),
        unit: "ms",
      },
      ...(r.baseline
        ? [
            { metric: "baseline build's route p50", value: round(r.baseline.summary.p50), unit: "ms" },
            { metric: "this build − baseline build at p50", value: round(r.route.p50 - r.baseline.summary.p50), unit: "ms" },
            { metric: "median of the per-iteration differences to the baseline", value: round(r.baseline.pairedMedian), unit: "ms" },
          ]
        : []),
    ];
    const row = (label: string, s: Summary) => [
      label,
      ms(s.p50),
      ms(s.p99),
      ms(s.mean),
      ms(s.min),
      ms(s.max),
    ];
    const build = r.build.built
      ? `built by this run in ${round((r.build.buildMs ?? 0) / 1000)} s, because ${r.build.reason}`
      : r.build.reason;
    return {
      rows,
      tables: [
        {
          caption: "Side by side (one run, interleaved):",
          columns: ["variant", "p50", "p99", "mean", "min", "max"],
          rows: [
            row("`GET /api/users` via `next start`", r.route),
            row("emulator directly: search + count in parallel", r.direct),
            ...(r.baseline ? [row("`GET /api/users` via the baseline build (BENCH_BASELINE_DIR)", r.baseline.summary)] : []),
            row("floor: `GET /api/health` via `next start` (no session, no Workfront)", r.floor),
          ],
        },
      ],
      notes: [
        `${r.requests} timed requests per variant after ${r.warmup} warm-up pairs, one request at a time, the two variants ` +
          "alternating (and alternating which goes first); times are wall-clock in the bench process, reading the JSON body included.",
        `Direct requests (API key in the \`apiKey\` header, as the app sends it): \`GET ${r.searchUrl}\` and \`GET ${r.countUrl}\`, ` +
          "built with the client's own `encodeSearch` and `USER_FIELDS`.",
        `Checked: the route's first page (IDs in order) and total (${r.total.toLocaleString("en")} active users) equal the direct ` +
          `answers, and in the timed phase the emulator saw exactly one search and one count per request of each route variant and of the direct one (${JSON.stringify(r.emulatorRequests)}).`,
        `Emulator in the bench process (${USERS_ROUTE_TENANT.toLocaleString("en")} users, latency 0, no in-flight cap, started in ` +
          `${Math.round(r.emulatorStartMs)} ms); the app is \`next start\` (production build, ${build}; BUILD_ID \`${r.build.buildId}\`) ` +
          `in its own process group with a fresh embedded database, demo accounts, LOG_LEVEL=warn, WORKFRONT_MAX_IN_FLIGHT 10 (default); healthy after ${Math.round(r.appStartMs)} ms.`,
        ...(r.baseline
          ? [
              `Baseline: \`${r.baseline.dir}\` (commit ${r.baseline.commit ?? "unknown"}, BUILD_ID \`${r.baseline.buildId}\`), a second \`next start\` against the same emulator, ` +
                "interleaved with the other two variants (the order rotating), so both builds see the same machine.",
            ]
          : []),
        "The floor is a third, informational variant timed after each pair: the cost of any request to `next start` " +
          "(routing, a handler, JSON), which is part of what the route adds.",
        "What the route adds: the session cookie decoded (remembered until it expires) and the account's role and status (read from the database on every request), query validation, the " +
          "Workfront client (limiter, deadline, zod parsing of 25 users), protections and DTOs, JSON, and one more HTTP hop.",
        `p99 is nearest-rank over ${r.requests} samples (the ${Math.ceil(0.99 * r.requests)}th smallest), so it is close to the maximum and noisy on a shared machine. ` +
          `Load average (1/5/15 min) before the timed phase ${load(r.loadBefore)}, after ${load(r.loadAfter)}.`,
      ],
    };
  },
};
