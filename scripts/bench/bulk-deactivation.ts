import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  BULK_DEFAULT_USERS,
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

/**
 * Issue 4's benchmark: the wf-offboard job against the two ways Adobe offers, side by side in one
 * run, plus (c) the same job with one PUT per person instead of /batch writes, for tenants where
 * /batch may not be used or costs per operation.
 */
export interface BulkContender {
  key: "a" | "b" | "job" | "c";
  label: string;
  users: number;
  run?: () => Promise<BulkRunResult>;
  /** Why there are no figures yet. */
  pending?: string;
}

/** The job's goals (issue 4): 1,000 users; the cap bounds it at 1,000 × 0.1 s / 10 = 10 s. */
export const JOB_USERS = 1000;
const CAP_BOUND_S = (JOB_USERS * BULK_LATENCY_MS) / 1000 / BULK_IN_FLIGHT_CAP;
const JOB_GOAL_S = 1.25 * CAP_BOUND_S;
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
          goal: { op: "<=", value: JOB_GOAL_S },
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
    "peak in flight",
    "throttle errors seen",
    "left unretried",
    "failed",
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
      String(r.peakInFlight),
      String(r.throttledAnswers),
      String(r.throttleErrorsLeftUnretried),
      String(r.failed),
      `${round(r.peakRssBytes / MiB, 0)} MiB`,
    ];
  });
  return { caption: "Side by side (one run):", columns, rows };
}

function notes(contenders: BulkContender[], results: Map<BulkContender["key"], BulkRunResult>): string[] {
  const lines = [
    `Each method gets a fresh emulator (${BULK_LATENCY_MS} ms latency, jitter 0, in-flight cap ${BULK_IN_FLIGHT_CAP}, ` +
      `seed 1, 2,500 users) in this process; its targets are active non-admin users in ID order. Elapsed runs from ` +
      `the first request to the last answer. The cap bounds any method at ${CAP_BOUND_S} s for ${JOB_USERS} users ` +
      `(${(BULK_LATENCY_MS / BULK_IN_FLIGHT_CAP).toFixed(0)} ms per user); one request at a time costs ≥ ${BULK_LATENCY_MS} ms per user.`,
    `(a) sends \`PUT /attask/api/v${DOCUMENTED_API_VERSION}/USER/<ID>?updates={"isActive":"false"}&method=put&apiKey=<key>&fields=isActive\` ` +
      "with fetch and reads `isActive:false` from the answer (deactivate-user-api.md). (b) calls " +
      `\`new NodeApi({url, version: "${DOCUMENTED_API_VERSION}", apiKey}).edit("USER", id, {isActive: false})\` ` +
      "(the package's Node build exports the Api class as NodeApi), which sends a JSON body and the key in an apiKey header. " +
      "Neither retries anything; a throttle error seen is one left unretried.",
    "Peak RSS of (a) and (b) is this benchmark process (client and emulator together, and whatever earlier benchmarks left " +
      "in the heap), sampled every 20 ms while the method ran.",
    `The job runs as the server would: in a process of its own (scripts/bench/bulk-job-server.ts) with an in-memory PGlite, ` +
      "the Workfront client at its defaults (10 in flight, retries on) and the job worker at its defaults (4 chunks at once, " +
      "50 people a chunk: one /batch read of their states, pending audit rows, one /batch write, then every result and " +
      "audit completion in one transaction). The database is opened and migrated before the clock starts; creating the job " +
      "(1,000 items) is inside it. Its peak RSS is that server process's own (getrusage maxRSS), emulator excluded. " +
      "Throttle errors seen are the emulator's throttle answers; the job's client retries them.",
    "The emulator counts a /batch request as one request against the cap, whatever it holds (perObjectCostMs 0, as for (a) " +
      "and (b)). Whether Workfront charges a batch as one API thread is undocumented (workfront-api.md §5, §8): (c) shows " +
      "the job writing one PUT per person, which the cap bounds at 10 s for 1,000 people.",
  ];
  for (const contender of contenders) {
    const result = results.get(contender.key);
    if (result?.rssBeforeRunBytes) {
      lines.push(
        `${contender.label}: the server process held ${round(result.rssBeforeRunBytes / MiB, 0)} MiB before the run ` +
          `(Node, the app's modules and an open in-memory PGlite, which alone takes several hundred MiB) and peaked at ` +
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
    `The job's goals (issue 4): ${JOB_USERS} users within ${JOB_GOAL_S} s (1.25 × the cap's ${CAP_BOUND_S} s), ` +
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
    "(issue 4), compared per user. Goal for the job: ≥ 8 × faster per user than (a), within 1.25 × the cap's bound, " +
    "no throttle error left unretried.",
  run: () => runBulkDeactivation(),
};
