import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readBuildId, sourcesNewerThanBuild } from "../production-build";

/**
 * What the benchmarks that need the real app share: the production build (`next build`, made only
 * when it is missing or older than the sources, and never while another `next build` runs), and
 * `next start` in its own process group with a fresh embedded database, signed in over HTTP.
 */
export const PROJECT_DIR = join(__dirname, "..", "..");
export { readBuildId, sourcesNewerThanBuild };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Other builds on this machine
// ---------------------------------------------------------------------------------------------

export interface NextProcess {
  pid: number;
  cwd: string | null;
  command: string;
}

/** True for `node …/next build` (or `start`), `next build`, and Next's `next-build (vX)` / `next-server (vX)` titles. */
export function isNextCommand(argv: readonly string[], kind: "build" | "start"): boolean {
  if (argv[0]?.startsWith(kind === "build" ? "next-build" : "next-server")) return true;
  const binary = argv.findIndex((arg) => /(^|\/)next$/.test(arg));
  return binary >= 0 && argv[binary + 1] === kind;
}

/** Every `next build` (or `next start`) on this machine but our own process, with its directory. */
export function runningNext(kind: "build" | "start"): NextProcess[] {
  const found: NextProcess[] = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
      if (!isNextCommand(argv, kind)) continue;
      let cwd: string | null = null;
      try {
        cwd = readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        // Not ours to read: the directory stays unknown.
      }
      found.push({ pid, cwd, command: argv.join(" ").slice(0, 120) });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

export const runningNextBuilds = () => runningNext("build");

/**
 * Waits until `blocking()` finds nothing (polling every 5 s): another `next build` writes the same
 * `.next` or loads the machine, a `next start` serves the `.next` a build would replace.
 */
async function waitUntilNone(
  what: string,
  blocking: () => NextProcess[],
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  let announced = "";
  for (;;) {
    const found = blocking();
    if (found.length === 0) return Date.now() - started;
    const summary = found.map((p) => `pid ${p.pid} in ${p.cwd ?? "?"}`).join(", ");
    if (summary !== announced) {
      console.log(`  waiting for ${what} to finish (${summary})`);
      announced = summary;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`Still ${what} after ${Math.round(timeoutMs / 60_000)} min: ${summary}`);
    }
    await sleep(5_000);
  }
}

/** Waits until no `next build` runs anywhere on this machine. Returns how long it waited. */
export function waitForOtherBuilds(timeoutMs = 30 * 60_000): Promise<number> {
  return waitUntilNone("another next build", runningNextBuilds, timeoutMs);
}

// ---------------------------------------------------------------------------------------------
// The production build
// ---------------------------------------------------------------------------------------------

export interface BuildInfo {
  buildId: string;
  /** Whether this run made the build, and why. */
  built: boolean;
  reason: string;
  buildMs?: number;
  /** How long we waited for someone else's build first. */
  waitedMs: number;
}

/**
 * Makes sure `.next` holds a production build: builds when it is missing or, with `rebuildIfStale`,
 * when a source file is newer. Never while another `next build` runs.
 */
export async function ensureBuild(options: { rebuildIfStale: boolean; dir?: string }): Promise<BuildInfo> {
  const dir = options.dir ?? PROJECT_DIR;
  const waitedMs = await waitForOtherBuilds();
  const current = readBuildId(dir);
  const stale = current && options.rebuildIfStale ? sourcesNewerThanBuild(dir) : [];
  if (current && stale.length === 0) {
    const reason = options.rebuildIfStale
      ? "already in .next, no source file newer than it"
      : "the build in .next, as it was";
    return { buildId: current, built: false, reason, waitedMs };
  }
  const reason = current
    ? `${stale.length === 1 ? "a source file was" : `${stale.length} source files were`} newer than .next/BUILD_ID: ` +
      `${stale.slice(0, 3).join(", ")}${stale.length > 3 ? ", …" : ""}`
    : ".next/BUILD_ID was missing";
  // Rebuilding under someone's `next start` of this directory (an end-to-end run) would break it.
  const inThisDir = (p: NextProcess) => p.cwd === dir;
  const waitedForServers = await waitUntilNone(
    `a next start of ${dir}`,
    () => [...runningNext("start"), ...runningNextBuilds()].filter(inThisDir),
    30 * 60_000,
  );
  await waitForOtherBuilds();
  console.log(`  next build: ${reason}`);
  const started = performance.now();
  const output: string[] = [];
  const child = spawn("npx", ["next", "build"], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => resolve(code));
  });
  const buildMs = performance.now() - started;
  const buildId = readBuildId(dir);
  if (status !== 0 || !buildId) {
    throw new Error(`next build failed (exit ${status}):\n${output.join("").slice(-4000)}`);
  }
  return { buildId, built: true, reason, buildMs, waitedMs: waitedMs + waitedForServers };
}

// ---------------------------------------------------------------------------------------------
// next start
// ---------------------------------------------------------------------------------------------

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  url: string;
  pid: number;
  /** The last lines the server printed, for error messages. */
  output(): string;
  /** Ends the whole process group and removes the temporary database. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartAppOptions {
  workfrontUrl: string;
  workfrontApiKey: string;
  dir?: string;
  /** More variables for the app (e.g. WORKFRONT_API_VERSION). */
  env?: Record<string, string>;
  healthTimeoutMs?: number;
}

/** Variables of ours that must not leak from the caller's shell into the app under test. */
const APP_VARIABLES =
  /^(WORKFRONT_|DATABASE_URL$|DATABASE_DIR$|PGLITE_DIR$|AUTH_SECRET$|NEXTAUTH_|DEMO_ACCOUNTS$|LOG_LEVEL$|PROTECTED_USERS$|TRUSTED_PROXY_HOPS$|NODE_ENV$|PORT$|HOSTNAME$)/;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

/**
 * `next start` on a free port of 127.0.0.1 in a new session (its own process group, so that the
 * whole tree can be ended, the embedded database's server with it), with a fresh database folder
 * and the demo accounts. Resolves once
 * `/api/health` answers. The group is ended on `stop()`, and also when this process exits or is
 * interrupted, so a failed benchmark leaves no server behind.
 */
export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  const dir = options.dir ?? PROJECT_DIR;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "wf-bench-data-"));
  const inherited = Object.entries(process.env).filter(
    ([key, value]) => value !== undefined && !APP_VARIABLES.test(key),
  );
  // NODE_ENV is left out on purpose: `next start` sets it to production.
  const env = Object.fromEntries(inherited) as NodeJS.ProcessEnv;
  Object.assign(env, {
    NEXT_TELEMETRY_DISABLED: "1",
    WORKFRONT_URL: options.workfrontUrl,
    WORKFRONT_API_KEY: options.workfrontApiKey,
    DATABASE_DIR: dataDir,
    // The same for a baseline build from before the embedded PostgreSQL (it read PGLITE_DIR).
    PGLITE_DIR: join(dataDir, "pglite"),
    DEMO_ACCOUNTS: "true",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: url,
    LOG_LEVEL: "warn",
    ...options.env,
  });
  const nextBin = createRequire(join(dir, "package.json")).resolve("next/dist/bin/next");
  // detached: the child calls setsid(), so its pid is also its process group's id.
  const child = spawn(
    process.execPath,
    [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(port)],
    {
      cwd: dir,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited = child.exitCode !== null;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once("exit", () => ((exited = true), resolve())),
  );

  const onExit = () => killGroup(child, "SIGKILL");
  const onSignal = (signal: NodeJS.Signals) => {
    killGroup(child, "SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("exit", onExit);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      killGroup(child, "SIGTERM");
      await Promise.race([exitedPromise, sleep(5_000)]);
    }
    // The leader may be gone while a worker of its group is not.
    killGroup(child, "SIGKILL");
    process.off("exit", onExit);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const output = () => lines.join("\n");

  try {
    const deadline = Date.now() + (options.healthTimeoutMs ?? 90_000);
    for (;;) {
      if (exited) throw new Error(`next start exited before it was healthy:\n${output()}`);
      try {
        const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
        await response.text();
        if (response.ok) break;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline)
        throw new Error(`next start did not answer /api/health in time:\n${output()}`);
      await sleep(200);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, output, stop };
}

// ---------------------------------------------------------------------------------------------
// Signing in (next-auth's credentials flow, as README "JSON API" documents it)
// ---------------------------------------------------------------------------------------------

function mergeCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) =>
  [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/** Signs in with e-mail and password and returns the `cookie` header that carries the session. */
export async function signIn(appUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfResponse = await fetch(`${appUrl}/api/auth/csrf`);
  if (!csrfResponse.ok) throw new Error(`GET /api/auth/csrf answered ${csrfResponse.status}`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf answered no csrfToken");
  mergeCookies(jar, csrfResponse);
  const response = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieHeader(jar),
      origin: appUrl,
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const body = await response.text();
  mergeCookies(jar, response);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
    throw new Error(`Sign-in as ${email} failed (${response.status}): ${body.slice(0, 300)}`);
  }
  const session = await fetch(`${appUrl}/api/auth/session`, { headers: { cookie: cookieHeader(jar) } });
  const user = ((await session.json()) as { user?: { email?: string } }).user;
  if (user?.email !== email) throw new Error(`Signed in, but the session is not ${email}'s`);
  return cookieHeader(jar);
}
