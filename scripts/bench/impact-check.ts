import { type RunningEmulator, startEmulator } from "../../emulator";
import { CATEGORY_DEFS } from "../../lib/offboarding/impact/categories";
import { checkPeople } from "../../lib/offboarding/impact/check-people";
import { checkPerson } from "../../lib/offboarding/impact/check-person";
import { IMPACT_CATEGORIES } from "../../lib/offboarding/impact/types";
import { type WorkfrontClient, createWorkfrontClient } from "../../lib/workfront";
import type { BenchReport, Benchmark } from "./registry";
import { percentile, round } from "./stats";

const LATENCY_MS = 100;
const PEOPLE = 1000;
/** The per-person baseline is timed on this many people and scaled to PEOPLE (it is linear). */
const BASELINE_SAMPLE = 100;

async function control(
  emulator: RunningEmulator,
  method: "GET" | "POST",
  path: string,
): Promise<{ total: number }> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, { method });
  if (!response.ok) throw new Error(`emulator ${path}: ${response.status}`);
  return (await response.json()) as { total: number };
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await run();
  return { ms: performance.now() - t0, value };
}

/** One count request per person per category: what the impact check must never do. */
async function perPersonPerCategory(client: WorkfrontClient, ids: readonly string[]): Promise<void> {
  await Promise.all(
    ids.flatMap((id) =>
      IMPACT_CATEGORIES.map((key) => {
        const def = CATEGORY_DEFS[key];
        return client.countWorkBy(def.objCode, {
          groupBy: def.groupBy,
          field: def.personField,
          ids: [id],
          filters: def.open,
        });
      }),
    ),
  );
}

/**
 * The impact check against a 5,000-user emulator answering every request after 100 ms, with
 * Workfront's cap of 10 requests in flight: one person's full check (lists and counts), and the
 * counts for 1,000 people, beside one request per person per category.
 */
export async function benchImpactCheck(): Promise<BenchReport> {
  const emulator = await startEmulator({
    port: 0,
    users: 5000,
    quiet: true,
    latencyMs: LATENCY_MS,
    maxInFlight: 10,
  });
  try {
    const client = createWorkfrontClient({
      url: emulator.url,
      credential: { kind: "apiKey", apiKey: emulator.apiKey },
      maxInFlight: 10,
    });
    const users = await client.searchUsers({
      filters: [{ field: "isActive", value: true }],
      sort: [{ field: "ID", direction: "asc" }],
      limit: 2000,
    });
    const ids = users.slice(2, 2 + PEOPLE).map((user) => user.id);
    const busiest = ids[0]!;

    const single: number[] = [];
    let singleRequests = 0;
    for (let i = 0; i < 5; i++) {
      await control(emulator, "POST", "stats/reset");
      single.push((await timed(() => checkPerson(client, busiest))).ms);
      singleRequests = (await control(emulator, "GET", "stats")).total;
    }

    await control(emulator, "POST", "stats/reset");
    const many = await timed(() => checkPeople(client, ids));
    const manyRequests = (await control(emulator, "GET", "stats")).total;

    await control(emulator, "POST", "stats/reset");
    const baseline = await timed(() => perPersonPerCategory(client, ids.slice(0, BASELINE_SAMPLE)));
    const baselineRequests = (await control(emulator, "GET", "stats")).total;
    const scale = PEOPLE / BASELINE_SAMPLE;

    return {
      rows: [
        {
          metric: "1 person: full check (median of 5)",
          value: round(percentile(single, 50)),
          unit: "ms",
          goal: { op: "<=", value: 1000 },
        },
        { metric: "1 person: Workfront requests", value: singleRequests, unit: "requests" },
        {
          metric: `${PEOPLE} people: Workfront requests`,
          value: manyRequests,
          unit: "requests",
          goal: { op: "<=", value: 30 },
        },
        { metric: `${PEOPLE} people: time`, value: round(many.ms), unit: "ms" },
      ],
      tables: [
        {
          caption: `Counting ${PEOPLE} people's work, ${IMPACT_CATEGORIES.length} categories, ${LATENCY_MS} ms per request, 10 in flight`,
          columns: ["method", "requests", "time (ms)"],
          rows: [
            [
              "grouped /report per category over in-lists (the app)",
              String(manyRequests),
              String(round(many.ms)),
            ],
            [
              `one request per person per category (timed on ${BASELINE_SAMPLE}, × ${scale})`,
              String(baselineRequests * scale),
              String(round(baseline.ms * scale)),
            ],
          ],
        },
      ],
      notes: [
        `Emulator: 5,000 users (work seeded for them), latency ${LATENCY_MS} ms, cap 10 in flight; client cap 10.`,
        `The single check lists up to 200 items per category and asks who else approves each stage.`,
      ],
    };
  } finally {
    await emulator.close();
  }
}

export const impactCheckBenchmark: Benchmark = {
  id: "impact-check",
  title: "Impact check (what a leaver still holds)",
  description:
    "One person's impact check at 100 ms per Workfront request (goal ≤ 1 s), and the counts for 1,000 people: requests (goal ≤ 30) and time, beside one request per person per category.",
  run: benchImpactCheck,
};
