import "server-only";
import { randomUUID } from "node:crypto";
import { logger as appLogger } from "@/lib/logger";
import { isCredentialError } from "@/lib/workfront";
import { type IndexDeps, type SyncReport, refreshIndex } from "./sync";

export interface IndexRunner {
  /** Refreshes now, unless a refresh is running (then waits for that one). */
  refreshNow(): Promise<SyncReport | null>;
  stop(): Promise<void>;
}

/**
 * Keeps the index fresh: a refresh (a full read the first time) at start and every `everyMs` on an
 * unref'd timer. `deps` is resolved per run, so it follows the Workfront connection; while nothing
 * is connected or the credential is refused, runs end quietly and the next one tries again.
 */
export function startIndexRunner(options: { deps: () => Promise<IndexDeps>; everyMs: number; owner?: string }): IndexRunner {
  const log = appLogger.child({ module: "user-index" });
  const owner = options.owner ?? `index:${randomUUID()}`;
  let running: Promise<SyncReport | null> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const refreshNow = () =>
    (running ??= (async () => {
      try {
        const report = await refreshIndex(await options.deps(), owner);
        if (report.kind !== "busy") log.info(report, `user index ${report.kind === "build" ? "built" : "refreshed"}`);
        return report;
      } catch (error) {
        if (isCredentialError(error)) log.info({ code: (error as { code?: string }).code }, "user index not refreshed: Workfront is not connected");
        else log.warn({ err: error }, "refreshing the user index failed; trying again later");
        return null;
      } finally {
        running = undefined;
      }
    })());

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void refreshNow().finally(schedule), options.everyMs);
    timer.unref?.();
  };
  void refreshNow().finally(schedule);

  return {
    refreshNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
