import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import type { RunningEmulator } from "@/emulator";

/**
 * Job workers as real processes, for the tests that kill one with SIGKILL or run two at once
 * against one Postgres database. `node --import tsx` rather than the `tsx` command: that one runs
 * the script in a child of its own, which a SIGKILL of the parent would leave running.
 */
const root = path.resolve(__dirname, "..", "..");

export interface WorkerProcess {
  child: ChildProcess;
  /** The worker's lease owner, once it polls for work. */
  ready: Promise<string>;
  exited: Promise<number | null>;
  output(): string;
}

export function spawnWorker(
  databaseUrl: string,
  emulator: RunningEmulator,
  settings: Record<string, string> = {},
): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/jobs/worker-cli.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      DATABASE_URL: databaseUrl,
      WORKFRONT_URL: emulator.url,
      WORKFRONT_API_KEY: emulator.apiKey,
      WORKFRONT_TIMEOUT_MS: "1000",
      WORKFRONT_DEADLINE_MS: "20000",
      JOBS_CONCURRENCY: "2",
      JOBS_CHUNK_SIZE: "10",
      JOBS_LEASE_MS: "3000",
      JOBS_POLL_MS: "50",
      JOBS_AUTH_PROBE_MS: "200",
      JOBS_RETRY_BASE_MS: "20",
      JOBS_RETRY_CAP_MS: "200",
      ...settings,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /\{"ready":true,"owner":"([^"]+)"/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${output}`)));
  });
  ready.catch(() => {});
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, ready, exited, output: () => output };
}
