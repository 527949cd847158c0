import { existsSync } from "node:fs";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import type { BenchReport, Benchmark } from "./registry";
import { round } from "./stats";
import { type RunningApp, ensureBuild, readBuildId, signIn, startApp } from "./users-route-app";

/**
 * How the app keeps its throughput when the tenant throttles: 50 clients read one person each
 * time (`GET /api/users/{id}`, which asks Workfront every time; the users list reads the local
 * index since issue 15, so it no longer reaches the tenant's cap) through `next start` for a
 * while against a tenant that allows 10 requests in flight, then against one that allows 4. The
 * app's own cap stays at its default of 10, so at 4 it is throttled and must learn the cap.
 * Kept: the share of the cap-10 throughput, scaled to the cap (4/10), that it reaches at cap 4.
 * With BENCH_BASELINE_DIR an earlier build runs the same phases in the same run, for comparison.
 */
const CLIENTS = 50;
const PHASE_MS = 15_000;
const LATENCY_MS = 100;
const API_KEY = "bench0throttle0recovery00000000key";
const VIEWER = { email: "viewer@demo.local", password: "demo-viewer-password" };

interface Phase {
  cap: number;
  requestsPerSecond: number;
  errors: number;
  throttled: number;
}

/** People to read, round robin: found through the emulator's API, as a script would. */
async function someIds(emulatorUrl: string): Promise<string[]> {
  const response = await fetch(`${emulatorUrl}/attask/api/v21.0/user/search?fields=ID&$$LIMIT=500`, { headers: { apiKey: API_KEY } });
  const { data } = (await response.json()) as { data: { ID: string }[] };
  return data.map((user) => user.ID);
}

async function load(appUrl: string, cookie: string, ids: readonly string[]): Promise<{ ok: number; errors: number }> {
  const end = Date.now() + PHASE_MS;
  let ok = 0;
  let errors = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < end) {
        const id = ids[next++ % ids.length];
        const response = await fetch(`${appUrl}/api/users/${id}`, { headers: { cookie } }).catch(() => null);
        await response?.arrayBuffer();
        if (response?.ok) ok += 1;
        else errors += 1;
      }
    }),
  );
  return { ok, errors };
}

async function phases(app: RunningApp, emulatorUrl: string): Promise<Phase[]> {
  const cookie = await signIn(app.url, VIEWER.email, VIEWER.password);
  const ids = await someIds(emulatorUrl);
  const result: Phase[] = [];
  for (const cap of [10, 4]) {
    await fetch(`${emulatorUrl}/__emulator/config`, { method: "PATCH", body: JSON.stringify({ maxInFlight: cap }) });
    // A short warm-up at this cap, not counted: the app finds the tenant's cap as a user's would.
    await load(app.url, cookie, ids).catch(() => undefined);
    await fetch(`${emulatorUrl}/__emulator/stats/reset`, { method: "POST" });
    const { ok, errors } = await load(app.url, cookie, ids);
    const stats = (await (await fetch(`${emulatorUrl}/__emulator/stats`)).json()) as { throttled: number };
    result.push({ cap, requestsPerSecond: ok / (PHASE_MS / 1000), errors, throttled: stats.throttled });
  }
  return result;
}

const kept = (list: Phase[]) => list[1]!.requestsPerSecond / (list[0]!.requestsPerSecond * (4 / 10));

export const throttleRecoveryBenchmark: Benchmark = {
  id: "throttle-recovery",
  title: "Throughput when the tenant throttles (GET /api/users/{id}, 50 clients)",
  description:
    "50 clients on GET /api/users/{id} (a Workfront read each) through next start, against a tenant capped at 10 requests in flight and then at 4, with the app's own cap at its default of 10. Goal (issue 12): at cap 4 it keeps ≥ 70 % of its cap-10 throughput scaled to the cap, and no request fails.",
  async run(): Promise<BenchReport> {
    await ensureBuild({ rebuildIfStale: true });
    const baselineDir = process.env.BENCH_BASELINE_DIR;
    if (baselineDir && !existsSync(join(baselineDir, ".next", "BUILD_ID"))) {
      throw new Error(`BENCH_BASELINE_DIR ${baselineDir} has no production build: run \`npm ci && npx next build\` there first.`);
    }
    const runs: { label: string; result: Phase[] }[] = [];
    for (const dir of [undefined, baselineDir].filter((d, i) => i === 0 || d)) {
      // A fresh tenant per build, so both start from the same state.
      const emulator = await startEmulator({ port: 0, users: 5_000, quiet: true, apiKey: API_KEY, latencyMs: LATENCY_MS });
      const app = await startApp({ dir, workfrontUrl: emulator.url, workfrontApiKey: API_KEY });
      try {
        runs.push({ label: dir ? `baseline (${dir}, build ${readBuildId(dir) ?? "?"})` : "this build", result: await phases(app, emulator.url) });
      } finally {
        await app.stop();
        await emulator.close();
      }
    }
    const mine = runs[0]!.result;
    return {
      rows: [
        { metric: "requests/s at tenant cap 10", value: round(mine[0]!.requestsPerSecond, 1), unit: "req/s" },
        { metric: "requests/s at tenant cap 4", value: round(mine[1]!.requestsPerSecond, 1), unit: "req/s" },
        { metric: "kept at cap 4, of cap 10 scaled to the cap", value: round(kept(mine) * 100, 0), unit: "%", goal: { op: ">=", value: 70 } },
        { metric: "failed requests", value: mine[0]!.errors + mine[1]!.errors, unit: "", goal: { op: "<=", value: 0 } },
      ],
      tables: [
        {
          caption: "Each build, side by side in this run",
          columns: ["build", "req/s at cap 10", "req/s at cap 4", "kept (scaled)", "429s at cap 4", "failed"],
          rows: runs.map(({ label, result }) => [
            label,
            String(round(result[0]!.requestsPerSecond, 1)),
            String(round(result[1]!.requestsPerSecond, 1)),
            `${round(kept(result) * 100, 0)} %`,
            String(result[1]!.throttled),
            String(result[0]!.errors + result[1]!.errors),
          ]),
        },
      ],
      notes: [
        `${CLIENTS} clients, ${PHASE_MS / 1000} s per phase after a warm-up of the same length, Workfront latency ${LATENCY_MS} ms, the emulator's 429 carries Retry-After: 1.`,
        "Several app instances on one tenant: give each WORKFRONT_MAX_IN_FLIGHT ≈ the tenant's cap / instances; each also halves its own cap when throttled.",
      ],
    };
  },
};
