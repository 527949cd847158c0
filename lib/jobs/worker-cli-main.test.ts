import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/**
 * The worker process's entry point (worker-cli.ts) loaded in-process, with the process's exit,
 * signals and stdout caught and what it starts replaced by mocks: its database and deps, the
 * worker's owner and settings, the ready line, and the stop on SIGTERM/SIGINT. (processes.test.ts
 * runs it for real as a child process.)
 */
const m = vi.hoisted(() => {
  const handle = { db: { name: "cli-db" }, close: vi.fn(async () => undefined) };
  return {
    handle,
    createDatabase: vi.fn(async (_config: unknown) => handle),
    databaseConfig: vi.fn(() => ({ url: "postgres://cli" })),
    migrate: vi.fn(async (_db: unknown) => undefined),
    resolverFor: vi.fn((_db: unknown) => ({ client: vi.fn(async () => ({ name: "client" })) })),
    protectedIds: vi.fn(async (_db: unknown) => ["stored-protected"]),
    env: vi.fn(() => ({ PROTECTED_USERS: ["env-protected"], WORKFRONT_DEADLINE_MS: 2_000 })),
    jobsEnv: vi.fn(() => ({ JOBS_POLL_MS: 321 })),
    workerSettings: vi.fn(() => ({ concurrency: 2, chunkSize: 9 })),
    worker: { owner: "cli-worker", stop: vi.fn(async () => undefined) },
    startWorker: vi.fn((_options: unknown) => m.worker),
    reconciler: { stop: vi.fn(async () => undefined) },
    startAuditReconciler: vi.fn((_options: unknown) => m.reconciler),
    reconcileGraceMs: vi.fn((deadlineMs: number) => deadlineMs + 1),
    schedules: { stop: vi.fn(async () => undefined) },
    createScheduleRunner: vi.fn((options: unknown) => ({ runner: options })),
    jobLikeOptions: vi.fn((settings: unknown) => ({ jobLike: settings })),
    startScheduleLoop: vi.fn((_runner: unknown, _options: unknown) => m.schedules),
  };
});

vi.mock("@/lib/audit", () => ({ startAuditReconciler: m.startAuditReconciler, reconcileGraceMs: m.reconcileGraceMs }));
vi.mock("@/lib/admin/protected-people", () => ({ protectedIds: m.protectedIds }));
vi.mock("@/lib/connection", () => ({ resolverFor: m.resolverFor }));
vi.mock("@/lib/db", () => ({ createDatabase: m.createDatabase, databaseConfig: m.databaseConfig, migrate: m.migrate }));
vi.mock("@/lib/env", () => ({ env: m.env }));
vi.mock("./config", () => ({ jobsEnv: m.jobsEnv, workerSettings: m.workerSettings }));
vi.mock("./worker", () => ({ startWorker: m.startWorker }));
vi.mock("@/lib/schedule/worker", () => ({
  createScheduleRunner: m.createScheduleRunner,
  jobLikeOptions: m.jobLikeOptions,
  startScheduleLoop: m.startScheduleLoop,
}));

let signals: Map<string, () => void>;
let written: string[];
let exit: ReturnType<typeof vi.fn<(code?: number) => void>>;
let printed: ReturnType<typeof vi.fn<(...data: unknown[]) => void>>;

async function settle() {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

/** Runs the entry point as `tsx lib/jobs/worker-cli.ts` would, with JOBS_WORKER_OWNER as given. */
async function run(owner: string | undefined) {
  vi.resetModules();
  if (owner === undefined) delete process.env.JOBS_WORKER_OWNER;
  else process.env.JOBS_WORKER_OWNER = owner;
  await import("./worker-cli");
  await settle();
}

const savedOwner = process.env.JOBS_WORKER_OWNER;

beforeEach(() => {
  vi.clearAllMocks();
  signals = new Map();
  written = [];
  vi.spyOn(process, "once").mockImplementation(((event: string, listener: () => void) => {
    signals.set(event, listener);
    return process;
  }) as typeof process.once);
  exit = vi.fn<(code?: number) => void>();
  vi.spyOn(process, "exit").mockImplementation(exit as never);
  vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stdout.write);
  printed = vi.fn<(...data: unknown[]) => void>();
  vi.spyOn(console, "error").mockImplementation(printed);
});
afterEach(() => {
  vi.restoreAllMocks();
  if (savedOwner === undefined) delete process.env.JOBS_WORKER_OWNER;
  else process.env.JOBS_WORKER_OWNER = savedOwner;
});

describe("the worker process", () => {
  it("opens and migrates its own database, starts the worker, schedules and reconciler, and prints one ready line", async () => {
    await run("cli-owner");
    expect(m.createDatabase).toHaveBeenCalledWith({ url: "postgres://cli" });
    expect(m.migrate).toHaveBeenCalledWith(m.handle.db);
    expect(m.resolverFor).toHaveBeenCalledWith(m.handle.db);

    expect(m.startWorker).toHaveBeenCalledTimes(1);
    const options = m.startWorker.mock.calls[0]![0] as { deps: () => Promise<unknown> };
    expect(options).toEqual({ deps: expect.any(Function), owner: "cli-owner", concurrency: 2, chunkSize: 9 });
    expect(await options.deps()).toEqual({
      db: m.handle.db,
      client: { name: "client" },
      protectedUsers: ["env-protected", "stored-protected"],
    });
    expect(m.protectedIds).toHaveBeenCalledWith(m.handle.db);

    expect(m.createScheduleRunner).toHaveBeenCalledWith({ deps: options.deps, jobLike: { concurrency: 2, chunkSize: 9 } });
    expect(m.startScheduleLoop).toHaveBeenCalledWith({ runner: { deps: options.deps, jobLike: { concurrency: 2, chunkSize: 9 } } }, { pollMs: 321 });
    expect(m.startAuditReconciler).toHaveBeenCalledWith({ deps: options.deps, graceMs: 2_001 });

    expect(written).toEqual([`${JSON.stringify({ ready: true, owner: "cli-worker", pid: process.pid })}\n`]);
    expect([...signals.keys()].sort()).toEqual(["SIGINT", "SIGTERM"]);
    expect(exit).not.toHaveBeenCalled();
  });

  it("leaves the owner to the worker when JOBS_WORKER_OWNER is empty", async () => {
    await run("");
    expect(m.startWorker.mock.calls[0]![0]).toEqual({ deps: expect.any(Function), owner: undefined, concurrency: 2, chunkSize: 9 });
  });

  it("on SIGTERM stops the worker, reconciler and schedules, closes the database and exits 0, once", async () => {
    await run(undefined);
    signals.get("SIGTERM")!();
    await settle();
    expect(m.worker.stop).toHaveBeenCalledTimes(1);
    expect(m.reconciler.stop).toHaveBeenCalledTimes(1);
    expect(m.schedules.stop).toHaveBeenCalledTimes(1);
    expect(m.handle.close).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(0);
    signals.get("SIGINT")!();
    await settle();
    expect(m.worker.stop).toHaveBeenCalledTimes(1);
    expect(m.handle.close).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it("on SIGINT stops the same way", async () => {
    await run(undefined);
    signals.get("SIGINT")!();
    await settle();
    expect(m.worker.stop).toHaveBeenCalledTimes(1);
    expect(m.handle.close).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it("prints the error and exits 1 when it cannot start", async () => {
    const failure = new Error("database unreachable");
    m.createDatabase.mockRejectedValueOnce(failure);
    await run(undefined);
    expect(printed).toHaveBeenCalledWith(failure);
    expect(exit).toHaveBeenCalledWith(1);
    expect(m.startWorker).not.toHaveBeenCalled();
    expect(written).toEqual([]);
  });
});
