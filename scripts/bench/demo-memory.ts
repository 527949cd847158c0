import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmulator } from "../../emulator";
import { type TreeMemory, samplePeak, treeMemory } from "./process-memory";
import type { BenchReport, BenchRow, BenchTable, Benchmark } from "./registry";
import { percentile, round } from "./stats";
import { type RunningApp, ensureBuild, readBuildId, signIn, startApp } from "./users-route-app";

/**
 * Issue 19: the memory of everything the app runs as — `next start` (the web server with its job
 * worker) and, on the embedded default, the PostgreSQL server it starts with its processes —
 * idle once signed in, and at the peak of a 1,000-person job. Beside it, in the same run: the same
 * build on a PostgreSQL server of its own (DATABASE_URL: that server's memory is not the app's,
 * and is not counted), and with BENCH_BASELINE_DIR an earlier build (before this issue: PGlite in
 * the web server's own process).
 */
const API_KEY = "bench0demo0memory000000000000key";
const USERS = 2_500; // as `npm run demo` seeds
const JOB_PEOPLE = 1_000;
const ADMIN = { email: "admin@demo.local", password: "demo-admin-password" };
const LOCAL_POSTGRES = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const MIB = 1024 * 1024;
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3;

interface Measured {
  label: string;
  idle: TreeMemory;
  peak: TreeMemory;
  jobMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function activePeople(emulatorUrl: string): Promise<string[]> {
  const query = new URLSearchParams({ isActive: "true", "accessLevel:isAdmin": "false", fields: "ID", $$LIMIT: String(JOB_PEOPLE) });
  const response = await fetch(`${emulatorUrl}/attask/api/v21.0/user/search?${query}`, { headers: { apiKey: API_KEY } });
  const { data } = (await response.json()) as { data: { ID: string }[] };
  if (data.length < JOB_PEOPLE) throw new Error(`the emulator has only ${data.length} active people who are not administrators`);
  return data.map((user) => user.ID);
}

/** Idle (signed in, the users page's list read, the users index built) and then a 1,000-person job. */
async function measure(label: string, app: RunningApp, emulatorUrl: string, control: (path: string, init?: RequestInit) => Promise<Response>, gate: boolean): Promise<Measured> {
  const cookie = await signIn(app.url, ADMIN.email, ADMIN.password);
  const headers = { cookie, origin: app.url, "content-type": "application/json" };
  for (let i = 0; i < 3; i++) await (await fetch(`${app.url}/api/users?pageSize=25`, { headers })).arrayBuffer();
  await sleep(5_000); // the index's first build, started with the server, has ended by now (2,500 people)
  const idle = treeMemory(app.pid);
  const ids = await activePeople(emulatorUrl);
  const sampler = samplePeak(app.pid);
  const started = performance.now();
  const created = await fetch(`${app.url}/api/jobs`, {
    method: "POST",
    headers,
    // As an admin who overrides blocking open work (issue 16's gate; a build from before it has none
    // and refuses the field), so the job takes all 1,000.
    body: JSON.stringify({ kind: "deactivate", userIds: ids, reason: "Benchmark: memory during a job", confirmCount: ids.length, ...(gate ? { overrideOpenWork: { reason: "Benchmark" } } : {}) }),
  });
  if (created.status !== 201) throw new Error(`${label}: creating the job answered ${created.status}: ${(await created.text()).slice(0, 300)}`);
  const { job } = (await created.json()) as { job: { id: string } };
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const { job: now } = (await (await fetch(`${app.url}/api/jobs/${job.id}`, { headers })).json()) as { job: { status: string } };
    if (now.status === "completed") break;
    if (Date.now() > deadline) throw new Error(`${label}: the job is still ${now.status} after 10 minutes`);
    await sleep(500);
  }
  const jobMs = performance.now() - started;
  const peak = sampler.stop();
  await control("reset", { method: "POST" }); // everyone active again for the next contender
  return { label, idle, peak, jobMs };
}

async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | { why: string }> {
  const name = `wfo_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: LOCAL_POSTGRES, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
    await admin.query(`create database "${name}"`);
  } catch (error) {
    return { why: `no PostgreSQL server at ${new URL(LOCAL_POSTGRES).host} (${(error as Error).message}; set BENCH_POSTGRES_URL)` };
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(LOCAL_POSTGRES);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: LOCAL_POSTGRES });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`).finally(() => client.end());
    },
  };
}

async function run(): Promise<BenchReport> {
  await ensureBuild({ rebuildIfStale: true });
  const baselineDir = process.env.BENCH_BASELINE_DIR;
  const emulator = await startEmulator({ users: USERS, apiKey: API_KEY, latencyMs: 40, jitterMs: 20, quiet: true });
  const control = (path: string, init?: RequestInit) => fetch(`${emulator.url}/__emulator/${path}`, init);
  const runs: Measured[] = [];
  const notes: string[] = [];
  try {
    const contenders: { label: string; baseline?: true; start: () => Promise<{ app: RunningApp; after?: () => Promise<void> }> }[] = [
      {
        label: "embedded default (this build): next start + its PostgreSQL",
        start: async () => ({ app: await startApp({ workfrontUrl: emulator.url, workfrontApiKey: API_KEY }) }),
      },
      {
        label: "DATABASE_URL (this build): next start only, the server not counted",
        start: async () => {
          const database = await freshPostgresDatabase();
          if ("why" in database) throw new Skip(database.why);
          const app = await startApp({ workfrontUrl: emulator.url, workfrontApiKey: API_KEY, env: { DATABASE_URL: database.url } });
          return { app, after: database.drop };
        },
      },
      ...(baselineDir
        ? [
            {
              label: `baseline ${readBuildId(baselineDir) ?? "?"} (${baselineDir}): its embedded default`,
              baseline: true as const,
              start: async () => ({ app: await startApp({ dir: baselineDir, workfrontUrl: emulator.url, workfrontApiKey: API_KEY }) }),
            },
            {
              label: `baseline ${readBuildId(baselineDir) ?? "?"}: DATABASE_URL, next start only`,
              baseline: true as const,
              start: async () => {
                const database = await freshPostgresDatabase();
                if ("why" in database) throw new Skip(database.why);
                const app = await startApp({ dir: baselineDir, workfrontUrl: emulator.url, workfrontApiKey: API_KEY, env: { DATABASE_URL: database.url } });
                return { app, after: database.drop };
              },
            },
          ]
        : []),
    ];
    // Rounds, each contender once per round in turn: one reading of a process tree's memory moves by
    // tens of MiB with the moment of a garbage collection, so each figure is the median of the rounds.
    const skipped = new Set<string>();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const contender of contenders) {
        if (skipped.has(contender.label)) continue;
        console.log(`  round ${round}/${ROUNDS}: ${contender.label}…`);
        let started: { app: RunningApp; after?: () => Promise<void> } | undefined;
        try {
          started = await contender.start();
          runs.push(await measure(contender.label, started.app, emulator.url, control, !contender.baseline));
        } catch (error) {
          if (!(error instanceof Skip)) throw error;
          skipped.add(contender.label);
          notes.push(`${contender.label}: not run, ${error.message}.`);
        } finally {
          await started?.app.stop();
          await started?.after?.();
        }
      }
    }
  } finally {
    await emulator.close();
  }
  const results = mediansByLabel(runs);
  const mib = (bytes: number) => round(bytes / MIB, 0);
  const embedded = results[0]!;
  const rows: BenchRow[] = [
    { metric: "embedded default, idle: resident memory of all its processes (sum of PSS)", value: mib(embedded.idle.pssBytes), unit: "MiB", goal: { op: "<=", value: 400 } },
    { metric: "embedded default, peak during a 1,000-person job (sum of PSS)", value: mib(embedded.peak.pssBytes), unit: "MiB", goal: { op: "<=", value: 400 } },
    { metric: "embedded default, idle: sum of RSS (shared pages counted again in every process)", value: mib(embedded.idle.rssBytes), unit: "MiB", goal: { op: "<=", value: 400 } },
    { metric: "embedded default, peak during the job, sum of RSS (shared pages counted again in every process)", value: mib(embedded.peak.rssBytes), unit: "MiB", goal: { op: "<=", value: 400 } },
  ];
  const table: BenchTable = {
    caption: `Memory of the app's processes, idle and at the peak of a ${JOB_PEOPLE.toLocaleString("en")}-person job (emulator with ${USERS.toLocaleString("en")} people, 40 ms latency); each figure the median of ${ROUNDS} rounds`,
    columns: ["deployment", "processes", "idle RSS sum", "idle PSS sum", "peak RSS sum", "peak PSS sum", "job"],
    rows: results.map((r) => [
      r.label,
      String(r.peak.processes),
      `${mib(r.idle.rssBytes)} MiB`,
      `${mib(r.idle.pssBytes)} MiB`,
      `${mib(r.peak.rssBytes)} MiB`,
      `${mib(r.peak.pssBytes)} MiB`,
      `${round(r.jobMs / 1000, 1)} s`,
    ]),
  };
  notes.push(
    "What the processes hold together is the sum of their PSS (proportional set size: each page shared between processes, such as PostgreSQL's shared buffers and the libraries every backend maps, divided among its sharers), as `smem` reports it: what the processes occupy together. The sum of RSS counts each shared page once per process (PostgreSQL's shared memory once per backend), so it overstates; the goal is held to both.",
    "Processes: the `next start` process and everything it started (for the embedded default: the watcher shell and PostgreSQL's postmaster, background workers and one backend per pooled connection), read from /proc every 200 ms during the job.",
  );
  return { rows, tables: [table], notes };
}

class Skip extends Error {}

const median = (values: number[]): number => percentile(values, 50);

/** One row per contender, in the order first measured: the median of its rounds, figure by figure. */
function mediansByLabel(runs: Measured[]): Measured[] {
  const labels = [...new Set(runs.map((run) => run.label))];
  return labels.map((label) => {
    const mine = runs.filter((run) => run.label === label);
    const tree = (pick: (run: Measured) => TreeMemory): TreeMemory => ({
      processes: Math.max(...mine.map((run) => pick(run).processes)),
      rssBytes: median(mine.map((run) => pick(run).rssBytes)),
      pssBytes: median(mine.map((run) => pick(run).pssBytes)),
    });
    return { label, idle: tree((run) => run.idle), peak: tree((run) => run.peak), jobMs: median(mine.map((run) => run.jobMs)) };
  });
}

export const demoMemoryBenchmark: Benchmark = {
  id: "demo-memory",
  title: "Memory of the app's processes (issue 19)",
  description:
    "Everything the app runs as, idle and at the peak of a 1,000-person job: on the embedded default (the web server with its job worker and the PostgreSQL it starts), beside the same build on a PostgreSQL server of its own, and an earlier build given BENCH_BASELINE_DIR. Goal: the embedded default at most 400 MiB, so it fits a 1 GiB machine.",
  run,
};
