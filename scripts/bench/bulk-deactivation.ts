import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  BULK_DEFAULT_USERS,
  BULK_PER_OBJECT_COST_MS,
  BULK_PER_ROW_COST_MS,
  BULK_IN_FLIGHT_CAP,
  BULK_LATENCY_MS,
  type BulkRunResult,
  DOCUMENTED_API_VERSION,
  WORKFRONT_API_PACKAGE,
  benchDocumentedPut,
  benchWorkfrontApiPackage,
} from "./bulk-baselines";
import type { BenchReport, BenchRow, BenchTable, Benchmark } from "./registry";
import { round } from "./stats";

import { benchJob } from "./bulk-job";
import { EMBEDDED_POOL_MAX, SERVER_POOL_MAX } from "@/lib/db/create-database";

/**
 * Issues 4 and 11: the wf-offboard job (documented calls: a search by IDs to read, a bulk edit to
 * write) against the two ways Adobe offers, side by side in one run, under a cost model in which
 * every object a request touches costs time; plus (c) the job with one PUT per person and (d) the
 * job through /batch on a tenant that serves it.
 */
export interface BulkContender {
  key: "a" | "b" | "job" | "c" | "d" | "e" | "f";
  label: string;
  users: number;
  run?: () => Promise<BulkRunResult>;
  /** Why there are no figures yet. */
  pending?: string;
}

/**
 * The job's goals (issues 4 and 11): 1,000 users, ≥ 8 × faster per user than (a), and within
 * 1.25 × the bound the cap sets for the requests its path sends (`capBound`).
 */
export const JOB_USERS = 1000;
const JOB_BOUND_FACTOR = 1.25;
const JOB_SPEEDUP_GOAL = 8;

const baselineUsers = (): number => {
  const fromEnv = Number(process.env.BULK_BASELINE_USERS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : BULK_DEFAULT_USERS;
};

/** The installed `workfront-api` version, or undefined when the package is not installed. */
function packageVersion(): string | undefined {
  try {
    const require = createRequire(__filename);
    const manifest = JSON.parse(
      readFileSync(require.resolve(`${WORKFRONT_API_PACKAGE}/package.json`), "utf8"),
    );
    return String((manifest as { version?: unknown }).version ?? "?");
  } catch {
    return undefined;
  }
}

export function bulkContenders(users = baselineUsers()): BulkContender[] {
  const version = packageVersion();
  return [
    {
      key: "a",
      label: "(a) Adobe's documented PUT, one at a time",
      users,
      run: () => benchDocumentedPut({ users }),
    },
    version === undefined
      ? {
          key: "b",
          label: `(b) ${WORKFRONT_API_PACKAGE} edit(), one at a time`,
          users,
          pending: `${WORKFRONT_API_PACKAGE} is not installed: npm install --save-exact -D ${WORKFRONT_API_PACKAGE}@6.2.0`,
        }
      : {
          key: "b",
          label: `(b) ${WORKFRONT_API_PACKAGE} ${version} edit(), one at a time`,
          users,
          run: () => benchWorkfrontApiPackage({ users }),
        },
    {
      key: "job",
      label: "wf-offboard job",
      users: JOB_USERS,
      run: () => benchJob({ users: JOB_USERS }),
    },
    {
      key: "c",
      label: "(c) wf-offboard job, one PUT per person (JOBS_WRITE_MODE=single)",
      users: JOB_USERS,
      run: () => benchJob({ users: JOB_USERS, writeMode: "single" }),
    },
    {
      key: "d",
      label: "(d) wf-offboard job through /batch (WORKFRONT_BATCH=on, a tenant that serves it)",
      users: JOB_USERS,
      run: () => benchJob({ users: JOB_USERS, batch: true }),
    },
    {
      key: "e",
      label: `(e) wf-offboard job, twice as many chunks at once as the cap (JOBS_CONCURRENCY=${2 * BULK_IN_FLIGHT_CAP})`,
      users: JOB_USERS,
      run: () => benchJob({ users: JOB_USERS, concurrency: 2 * BULK_IN_FLIGHT_CAP }),
    },
    {
      key: "f",
      label: `(f) wf-offboard job with ${SERVER_POOL_MAX} database connections, as on a server of your own (DATABASE_POOL_MAX=${SERVER_POOL_MAX})`,
      users: JOB_USERS,
      run: () => benchJob({ users: JOB_USERS, poolMax: SERVER_POOL_MAX }),
    },
  ];
}

const MiB = 1024 * 1024;
const seconds = (ms: number): number => round(ms / 1000, 2);

export async function runBulkDeactivation(contenders = bulkContenders()): Promise<BenchReport> {
  const results = new Map<BulkContender["key"], BulkRunResult>();
  for (const contender of contenders) {
    if (!contender.run) continue;
    console.log(`  running ${contender.label} on ${contender.users} users…`);
    results.set(contender.key, await contender.run());
  }
  const a = results.get("a");
  const rows: BenchRow[] = [];
  for (const contender of contenders) {
    const result = results.get(contender.key);
    const name = contender.key === "job" ? contender.label : contender.label.slice(0, 3);
    if (contender.key === "job") {
      const pending = result ? undefined : (contender.pending ?? "not run");
      rows.push(
        {
          metric: `${name}: ${contender.users} users, elapsed`,
          value: result ? seconds(result.elapsedMs) : 0,
          unit: "s",
          pending,
        },
        {
          metric: `${name}: elapsed over the bound the cap sets for its requests`,
          value: result ? round(result.elapsedMs / result.capBoundMs, 2) : 0,
          unit: "×",
          goal: { op: "<=", value: JOB_BOUND_FACTOR },
          pending,
        },
        {
          metric: `${name}: per-user speed-up over (a)`,
          value: result && a ? round(a.perUserMs / result.perUserMs, 1) : 0,
          unit: "×",
          goal: { op: ">=", value: JOB_SPEEDUP_GOAL },
          pending,
        },
        {
          metric: `${name}: throttle errors left unretried`,
          value: result?.throttleErrorsLeftUnretried ?? 0,
          unit: "errors",
          goal: { op: "<=", value: 0 },
          pending,
        },
        {
          metric: `${name}: server CPU time for the run`,
          value: result?.serverCpuMs === undefined ? 0 : round(result.serverCpuMs / 1000, 2),
          unit: "s",
          pending,
        },
        {
          metric: `${name}: server peak RSS`,
          value: result ? round(result.peakRssBytes / MiB, 0) : 0,
          unit: "MiB",
          pending,
        },
      );
      continue;
    }
    if (!result) {
      rows.push({
        metric: `${name} per user`,
        value: 0,
        unit: "ms",
        pending: contender.pending ?? "not run",
      });
      continue;
    }
    rows.push(
      { metric: `${name} ${result.users} users, elapsed`, value: seconds(result.elapsedMs), unit: "s" },
      { metric: `${name} per user`, value: round(result.perUserMs, 1), unit: "ms" },
      {
        metric: `${name} throttle errors left unretried`,
        value: result.throttleErrorsLeftUnretried,
        unit: `errors (${result.throttleErrorsSeen} seen)`,
      },
      {
        metric: `${name} users deactivated (verified in the emulator)`,
        value: result.verifiedInactive,
        unit: "users",
      },
      {
        metric: result.rssBeforeRunBytes ? `${name} server peak RSS` : `${name} peak RSS of the bench process`,
        value: round(result.peakRssBytes / MiB, 0),
        unit: "MiB",
      },
    );
  }
  return { rows, tables: [sideBySide(contenders, results)], notes: notes(contenders, results) };
}

function sideBySide(
  contenders: BulkContender[],
  results: Map<BulkContender["key"], BulkRunResult>,
): BenchTable {
  const a = results.get("a");
  const columns = [
    "method",
    "users",
    "elapsed",
    "per user",
    "per-user speed-up vs (a)",
    "requests",
    "cap's bound",
    "peak in flight",
    "throttle errors seen",
    "left unretried",
    "failed",
    "server CPU",
    "peak RSS",
  ];
  const rows = contenders.map((contender) => {
    const r = results.get(contender.key);
    if (!r) return [`**${contender.label}**`, String(contender.users), ...columns.slice(2).map(() => "—")];
    return [
      contender.label,
      String(r.users),
      `${seconds(r.elapsedMs)} s`,
      `${round(r.perUserMs, 1)} ms`,
      a ? `${round(a.perUserMs / r.perUserMs, 2)} ×` : "—",
      String(r.requests),
      `${seconds(r.capBoundMs)} s`,
      String(r.peakInFlight),
      String(r.throttledAnswers),
      String(r.throttleErrorsLeftUnretried),
      String(r.failed),
      r.serverCpuMs === undefined ? "—" : `${seconds(r.serverCpuMs)} s`,
      `${round(r.peakRssBytes / MiB, 0)} MiB`,
    ];
  });
  return { caption: "Side by side (one run):", columns, rows };
}

function notes(contenders: BulkContender[], results: Map<BulkContender["key"], BulkRunResult>): string[] {
  const lines = [
    `Each method gets a fresh emulator (${BULK_LATENCY_MS} ms latency, jitter 0, in-flight cap ${BULK_IN_FLIGHT_CAP}, ` +
      `seed 1, 2,500 users) in this process; its targets are active non-admin users in ID order. Elapsed runs from ` +
      `the first request to the last answer. Cost model on: every person a bulk edit or a /batch writes adds ` +
      `${BULK_PER_OBJECT_COST_MS} ms to the request, every row a search reads ${BULK_PER_ROW_COST_MS} ms, while it holds its slot, so ` +
      `no request for many people is cheaper than one for a single person. "Cap's bound" is the least time the cap allows ` +
      `for the requests a method sent: (requests × ${BULK_LATENCY_MS} ms + written × ${BULK_PER_OBJECT_COST_MS} ms + read × ${BULK_PER_ROW_COST_MS} ms) / ${BULK_IN_FLIGHT_CAP}. ` +
      `One request at a time costs ≥ ${BULK_LATENCY_MS} ms per user.`,
    `(a) sends \`PUT /attask/api/v${DOCUMENTED_API_VERSION}/USER/<ID>?updates={"isActive":"false"}&method=put&apiKey=<key>&fields=isActive\` ` +
      "with fetch and reads `isActive:false` from the answer (deactivate-user-api.md). (b) calls " +
      `\`new NodeApi({url, version: "${DOCUMENTED_API_VERSION}", apiKey}).edit("USER", id, {isActive: false})\` ` +
      "(the package's Node build exports the Api class as NodeApi), which sends a JSON body and the key in an apiKey header. " +
      "Neither retries anything; a throttle error seen is one left unretried.",
    "Peak RSS of (a) and (b) is this benchmark process (client and emulator together, and whatever earlier benchmarks left " +
      "in the heap), sampled every 20 ms while the method ran.",
    `The job runs as the server would: in a process of its own (scripts/bench/bulk-job-server.ts) with the embedded PostgreSQL in a throwaway folder, ` +
      "the Workfront client at its defaults (10 in flight, retries on) and the job worker at its defaults (as many chunks at " +
      "once as the client's in-flight cap, 50 people a chunk: the chunk's hold on its people, one search by IDs for their " +
      "states, pending audit rows, one bulk edit, then every result and audit completion in one transaction). The database is opened and migrated before the clock starts; creating the job " +
      "(1,000 items) is inside it. Its peak RSS is that server process's own (getrusage maxRSS), emulator excluded. " +
      "Throttle errors seen are the emulator's throttle answers; the job's client retries them.",
    "(c) writes one PUT per person (JOBS_WRITE_MODE=single). (d) writes through /batch on a tenant started with --batch " +
      "(Adobe's API docs have no /batch; WORKFRONT_BATCH=on); its reads are the same search by IDs. (e) runs twice as many " +
      "chunks at once as the cap allows requests, so that one chunk's database work overlaps another's Workfront call. " +
      `The job and (c)–(e) use the embedded server's pool of ${EMBEDDED_POOL_MAX} connections; (f) the ${SERVER_POOL_MAX} a server of your own gets (lib/db/create-database.ts). ` +
      "Server CPU is the job server's (Node's) user + system time from the run's start to the job's end; PostgreSQL's own processes are not in it. A job's elapsed time runs " +
      "from the server's receipt of the run to the job's finished_at (same machine, the database's clock).",
  ];
  for (const contender of contenders) {
    const result = results.get(contender.key);
    if (result?.rssBeforeRunBytes) {
      lines.push(
        `${contender.label}: the server process held ${round(result.rssBeforeRunBytes / MiB, 0)} MiB before the run ` +
          `(Node and the app's modules; PostgreSQL runs in processes of its own, see demo-memory) and peaked at ` +
          `${round(result.peakRssBytes / MiB, 0)} MiB.`,
      );
    }
    if (result?.errors.length) lines.push(`${contender.label}: errors seen: ${result.errors.join("; ")}`);
    if (result && result.verifiedInactive !== result.deactivated)
      lines.push(
        `${contender.label}: ${result.deactivated} answers said deactivated but the emulator holds ${result.verifiedInactive} inactive.`,
      );
  }
  const a = results.get("a");
  lines.push(
    `The job's goals (issues 4 and 11): ${JOB_USERS} users within ${JOB_BOUND_FACTOR} × the cap's bound for its requests, ` +
      `at least ${JOB_SPEEDUP_GOAL} × faster per user than (a)` +
      (a ? ` (so ≤ ${round(a.perUserMs / JOB_SPEEDUP_GOAL, 1)} ms per user against this run's (a))` : "") +
      ", no throttle error left unretried, and the server's peak memory.",
  );
  for (const contender of contenders.filter((c) => !c.run))
    lines.push(`Pending: ${contender.label}: ${contender.pending ?? "not run"}.`);
  lines.push(
    `(b) uses \`${WORKFRONT_API_PACKAGE}\`, the only release on the npm registry (6.2.0, published 2024-12-12; its code ` +
      "and changelog date from 2019-07-22). `@workfront/workfront-api` 9.1.0, the newer TypeScript client named in " +
      "workfront-api.md §0, is not on the registry (npm answers 404).",
  );
  lines.push(
    `Process peak RSS over the whole bench run (getrusage): ${round((process.resourceUsage().maxRSS * 1024) / MiB, 0)} MiB.`,
  );
  return lines;
}

export const bulkDeactivationBenchmark: Benchmark = {
  id: "bulk-deactivation",
  title: "Bulk deactivation: the wf-offboard job against Adobe's two ways",
  description:
    "Deactivating many users against an emulator at 100 ms latency with 10 requests in flight at most: " +
    "(a) Adobe's documented PUT and (b) Adobe's `workfront-api` npm package's `edit`, each one user at a time on " +
    `${BULK_DEFAULT_USERS} users (set BULK_BASELINE_USERS to change), and the wf-offboard job on ${JOB_USERS} users ` +
    "(issues 4, 11), compared per user under a cost per object touched. Goal for the job: ≥ 8 × faster per user than (a), within 1.25 × the bound the cap sets for its requests, " +
    "no throttle error left unretried.",
  run: () => runBulkDeactivation(),
};
