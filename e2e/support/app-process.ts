import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { extraEmulatorPort } from "./servers";

/**
 * A `next start` of the e2e build that a spec starts for itself, with settings of its own: the
 * process is a direct child (`node …/next start`, which serves in its own process), so its PID is
 * the server's and its output is at hand.
 */
export interface RunningApp {
  url: string;
  pid: number;
  /** Its embedded database's folder (DATABASE_DIR), for scripts that join its server. */
  databaseDir: string;
  /** Everything the server has written to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

const root = join(__dirname, "..", "..");
const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");

export const EXTRA_API_KEY = "e2eextra000000000000000000000key";

/** The emulator the spec's apps talk to (its own, so their changes never reach the main suite's). */
export function startExtraEmulator(): Promise<RunningEmulator> {
  return startEmulator({ port: extraEmulatorPort, users: 60, apiKey: EXTRA_API_KEY, quiet: true });
}

export async function startApp(name: string, port: number, env: Record<string, string>): Promise<RunningApp> {
  const dataDir = join(root, "data", `e2e-${name}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const url = `http://127.0.0.1:${port}`;
  const databaseDir = join(dataDir, "postgres");
  // Its own embedded database unless the spec names a server (a DATABASE_URL in the shell is ignored).
  const { DATABASE_URL: _shells, ...inherited } = process.env;
  const child = spawn(process.execPath, [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: root,
    env: {
      ...inherited,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      WORKFRONT_URL: `http://127.0.0.1:${extraEmulatorPort}`,
      WORKFRONT_API_KEY: EXTRA_API_KEY,
      DATABASE_DIR: databaseDir,
      DEMO_ACCOUNTS: "true",
      AUTH_SECRET: `e2e-${name}-secret-that-is-at-least-32-characters`,
      NEXTAUTH_URL: url,
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await untilHealthy(url, child, () => output);
  return {
    url,
    pid: child.pid!,
    databaseDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

/** Polls the health route until it answers, as Playwright's webServer does; fails if the server exits. */
async function untilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app at ${url} exited while starting:\n${output()}`);
    const ok = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
