import { startEmulator } from "../../emulator";
import type { Benchmark, BenchReport } from "./registry";
import { mean, percentile, round } from "./stats";

export interface SearchBenchOptions {
  users?: number;
  warmup?: number;
  requests?: number;
  /** Extra `fields=` for a heavier variant (references cost a lookup per row). */
  fields?: string;
}

export interface SearchBenchResult {
  p50: number;
  p99: number;
  mean: number;
  max: number;
  requests: number;
  /** Rows in the first answer: should be the full page of 2000. */
  rowsPerAnswer: number;
  startMs: number;
}

// Different substrings so each request filters differently; all are common enough to fill a page.
const TERMS = ["an", "er", "ma", "li", "el", "ar", "in", "ch", "on", "ra"];

/**
 * Starts a 100,000-user emulator in this process (no latency, no cap) and times `USER/search`
 * over HTTP: a filter (active users whose name contains a term, case-insensitively), a sort by
 * name and a full page of 2000. Times are wall-clock per request, client included.
 */
export async function benchEmulatorSearch(options: SearchBenchOptions = {}): Promise<SearchBenchResult> {
  const started = performance.now();
  const emulator = await startEmulator({
    port: 0,
    users: options.users ?? 100_000,
    quiet: true,
    latencyMs: 0,
    maxInFlight: 0,
  });
  const startMs = performance.now() - started;
  try {
    const fields = options.fields ? `&fields=${encodeURIComponent(options.fields)}` : "";
    const url = (i: number) =>
      `${emulator.url}/attask/api/v21.0/user/search?isActive=true&name=${TERMS[i % TERMS.length]}` +
      `&name_Mod=cicontains&name_Sort=asc&$$LIMIT=2000${fields}`;
    const headers = { apiKey: emulator.apiKey };
    const once = async (i: number): Promise<string> => {
      const response = await fetch(url(i), { headers });
      const text = await response.text();
      if (!response.ok) throw new Error(`search failed: ${response.status} ${text.slice(0, 200)}`);
      return text;
    };
    const rowsPerAnswer = (JSON.parse(await once(0)) as { data: unknown[] }).data.length;
    for (let i = 0; i < (options.warmup ?? 20); i++) await once(i);
    const samples: number[] = [];
    for (let i = 0; i < (options.requests ?? 200); i++) {
      const t0 = performance.now();
      await once(i);
      samples.push(performance.now() - t0);
    }
    return {
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      mean: mean(samples),
      max: Math.max(...samples),
      requests: samples.length,
      rowsPerAnswer,
      startMs,
    };
  } finally {
    await emulator.close();
  }
}

const DASHBOARD_FIELDS =
  "firstName,lastName,emailAddr,username,title,isActive,licenseType,accessLevelID,accessLevel:name,accessLevel:isAdmin," +
  "homeGroupID,homeGroup:name,companyID,company:name,managerID,entryDate,lastUpdateDate,lastLoginDate," +
  "scheduleDeactivationDate,actualDeactivationDate";

export const emulatorSearchBenchmark: Benchmark = {
  id: "emulator-search",
  title: "Emulator: USER/search, 2,000 of 100,000 users, filtered and sorted",
  description:
    "`GET /user/search?isActive=true&name=<term>&name_Mod=cicontains&name_Sort=asc&$$LIMIT=2000` against a " +
    "100,000-user tenant over HTTP, 20 warm-up requests then 200 timed ones, one at a time. Goal: p50 well under " +
    "30 ms, so that tests and demos that page through big tenants stay fast. The second variant asks for the " +
    "20 fields (with references) the dashboard's client reads.",
  async run(): Promise<BenchReport> {
    const plain = await benchEmulatorSearch();
    const rich = await benchEmulatorSearch({ fields: DASHBOARD_FIELDS });
    return {
      rows: [
        { metric: "p50, default fields", value: round(plain.p50), unit: "ms", goal: { op: "<", value: 30 } },
        { metric: "p99, default fields", value: round(plain.p99), unit: "ms" },
        { metric: "mean, default fields", value: round(plain.mean), unit: "ms" },
        { metric: "p50, 20 dashboard fields with references", value: round(rich.p50), unit: "ms" },
        { metric: "p99, 20 dashboard fields with references", value: round(rich.p99), unit: "ms" },
        {
          metric: "emulator start-up with 100,000 users",
          value: round(plain.startMs, 0),
          unit: "ms",
          goal: { op: "<", value: 2000 },
        },
      ],
      notes: [
        `${plain.requests} timed requests per variant after 20 warm-up requests; ${plain.rowsPerAnswer} rows per answer.`,
        "Client and emulator share one Node process, so the times include fetch and reading the body.",
      ],
    };
  },
};
