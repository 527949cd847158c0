import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/**
 * The in-server worker (app-worker.ts) in-process, with what it starts replaced by mocks: what it
 * starts (reconciler, notifier, job worker, schedule loop) and with which settings, that it starts
 * them once per process, that a failed start is logged and can be tried again, and the wake-ups.
 */
const m = vi.hoisted(() => {
  const fn = <T extends (...args: never[]) => unknown>() => vi.fn<T>();
  return {
    startAuditReconciler: vi.fn((options: unknown) => ({ name: "reconciler", options })),
    reconcileGraceMs: vi.fn((deadlineMs: number) => deadlineMs * 2),
    env: vi.fn(() => ({ WORKFRONT_DEADLINE_MS: 1_500 })),
    logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
    getDb: vi.fn(async () => ({ name: "db" })),
    notifyConfig: vi.fn(() => ({ name: "notify-config" })),
    configuredChannels: fn<(config: unknown) => string[]>(),
    startNotifier: vi.fn((options: unknown) => ({ name: "notifier", options })),
    appDeps: vi.fn(),
    jobsEnv: fn<() => { JOBS_WORKER: boolean; JOBS_POLL_MS: number }>(),
    workerSettings: vi.fn((settings: unknown) => ({ concurrency: 3, chunkSize: 7, from: settings })),
    startWorker: vi.fn(() => ({ owner: "app", wake: vi.fn() })),
    upcomingLeavers: vi.fn(async () => ["leaver"]),
    createScheduleRunner: vi.fn((options: unknown) => ({ name: "runner", options })),
    jobLikeOptions: vi.fn((settings: unknown) => ({ jobLike: settings })),
    startScheduleLoop: vi.fn(() => ({ wake: vi.fn(), stop: vi.fn() })),
  };
});

vi.mock("@/lib/audit", () => ({ startAuditReconciler: m.startAuditReconciler, reconcileGraceMs: m.reconcileGraceMs }));
vi.mock("@/lib/env", () => ({ env: m.env }));
vi.mock("@/lib/logger", () => ({ logger: m.logger }));
vi.mock("@/lib/db", () => ({ getDb: m.getDb }));
vi.mock("@/lib/notify", () => ({ notifyConfig: m.notifyConfig, configuredChannels: m.configuredChannels, startNotifier: m.startNotifier }));
vi.mock("@/lib/offboarding/deps", () => ({ appDeps: m.appDeps }));
vi.mock("./config", () => ({ jobsEnv: m.jobsEnv, workerSettings: m.workerSettings }));
vi.mock("./worker", () => ({ startWorker: m.startWorker }));
vi.mock("@/lib/schedule/store", () => ({ upcomingLeavers: m.upcomingLeavers }));
vi.mock("@/lib/schedule/worker", () => ({
  createScheduleRunner: m.createScheduleRunner,
  jobLikeOptions: m.jobLikeOptions,
  startScheduleLoop: m.startScheduleLoop,
}));

const key = Symbol.for("wf-offboard.jobs.worker");
const global = globalThis as { [key]?: Record<string, unknown> };

/** A fresh copy of the module, as a new server process would load it. */
async function load() {
  vi.resetModules();
  return import("./app-worker");
}

beforeEach(() => {
  delete global[key];
  vi.clearAllMocks();
  m.configuredChannels.mockReturnValue([]);
  m.jobsEnv.mockReturnValue({ JOBS_WORKER: true, JOBS_POLL_MS: 250 });
});
afterEach(() => {
  delete global[key];
});

describe("starting the app's worker", () => {
  it("starts the reconciler, the job worker and the schedule loop with the JOBS_* settings, once per process", async () => {
    const app = await load();
    const first = app.startAppWorker();
    const second = app.startAppWorker();
    expect(second).toBe(first);
    const worker = await first;
    expect(worker).toEqual({ owner: "app", wake: expect.any(Function) });
    expect(app.appWorker()).toBe(worker);

    expect(m.startAuditReconciler).toHaveBeenCalledTimes(1);
    expect(m.startAuditReconciler).toHaveBeenCalledWith({ deps: m.appDeps, graceMs: 3_000 });
    expect(m.reconcileGraceMs).toHaveBeenCalledWith(1_500);
    expect(m.workerSettings).toHaveBeenCalledWith({ JOBS_WORKER: true, JOBS_POLL_MS: 250 });
    const settings = { concurrency: 3, chunkSize: 7, from: { JOBS_WORKER: true, JOBS_POLL_MS: 250 } };
    expect(m.startWorker).toHaveBeenCalledTimes(1);
    expect(m.startWorker).toHaveBeenCalledWith({ deps: m.appDeps, ...settings });
    expect(m.jobLikeOptions).toHaveBeenCalledWith(settings);
    expect(m.createScheduleRunner).toHaveBeenCalledWith({ deps: m.appDeps, jobLike: settings });
    expect(m.startScheduleLoop).toHaveBeenCalledWith({ name: "runner", options: { deps: m.appDeps, jobLike: settings } }, { pollMs: 250 });
    // No notification channel configured: no notifier.
    expect(m.configuredChannels).toHaveBeenCalledWith({ name: "notify-config" });
    expect(m.startNotifier).not.toHaveBeenCalled();
    expect(m.logger.info).not.toHaveBeenCalled();
  });

  it("finds the worker a previous copy of the module started (hot reload, another bundle)", async () => {
    const earlier = { owner: "earlier", wake: vi.fn() };
    const schedules = { wake: vi.fn() };
    global[key] = { worker: earlier, schedules };
    const app = await load();
    expect(app.appWorker()).toBe(earlier);
    app.wakeAppWorker();
    expect(earlier.wake).toHaveBeenCalledTimes(1);
    app.wakeScheduleRunner();
    expect(schedules.wake).toHaveBeenCalledTimes(1);
    expect(global[key]).toEqual({ worker: earlier, schedules });
  });

  it("starts the notifier over the database when a channel is configured, its digest reading upcoming leavers", async () => {
    m.configuredChannels.mockReturnValue(["email"]);
    const app = await load();
    await app.startAppWorker();
    expect(m.startNotifier).toHaveBeenCalledTimes(1);
    const options = m.startNotifier.mock.calls[0]![0] as { db: unknown; config: unknown; upcomingLeavers: (window: unknown) => Promise<unknown> };
    expect(options.db).toEqual({ name: "db" });
    expect(options.config).toEqual({ name: "notify-config" });
    expect(await options.upcomingLeavers({ days: 7 })).toEqual(["leaver"]);
    expect(m.upcomingLeavers).toHaveBeenCalledWith({ name: "db" }, { days: 7 });
  });

  it("with JOBS_WORKER off: starts the reconciler but no job worker nor schedule loop, and says so", async () => {
    m.jobsEnv.mockReturnValue({ JOBS_WORKER: false, JOBS_POLL_MS: 250 });
    const app = await load();
    expect(await app.startAppWorker()).toBeNull();
    expect(m.startAuditReconciler).toHaveBeenCalledTimes(1);
    expect(m.startWorker).not.toHaveBeenCalled();
    expect(m.startScheduleLoop).not.toHaveBeenCalled();
    expect(app.appWorker()).toBeUndefined();
    expect(m.logger.info).toHaveBeenCalledWith("JOBS_WORKER is off: bulk jobs run only where a worker process runs");
    // Nothing to wake: no error.
    app.wakeAppWorker();
    app.wakeScheduleRunner();
  });

  it("logs a failed start, answers null, and starts afresh on the next call without a second reconciler or notifier", async () => {
    const failure = new Error("bad JOBS_* setting");
    m.configuredChannels.mockReturnValue(["webhook"]);
    m.jobsEnv.mockImplementationOnce(() => {
      throw failure;
    });
    const app = await load();
    expect(await app.startAppWorker()).toBeNull();
    expect(m.logger.error).toHaveBeenCalledWith({ err: failure }, "the job worker did not start");
    expect(m.startWorker).not.toHaveBeenCalled();

    const worker = await app.startAppWorker();
    expect(worker).toMatchObject({ owner: "app" });
    expect(m.startWorker).toHaveBeenCalledTimes(1);
    expect(m.startAuditReconciler).toHaveBeenCalledTimes(1);
    expect(m.startNotifier).toHaveBeenCalledTimes(1);
    expect(m.logger.error).toHaveBeenCalledTimes(1);
  });
});
