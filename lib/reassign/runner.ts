import "server-only";
import { logger } from "@/lib/logger";
import { unfinishedReassignments } from "./queries";
import { type RunDeps, runReassignment } from "./run";

const running = new Map<string, Promise<void>>();
const log = logger.child({ module: "reassign" });

/** Runs a reassignment in the background, once per process at a time (leases guard other processes). */
export function startRun(deps: RunDeps, id: string): Promise<void> {
  let run = running.get(id);
  if (!run) {
    run = runReassignment(deps, id)
      .catch((error: unknown) =>
        log.warn({ err: error, reassignment: id }, "reassignment stopped; it resumes later"),
      )
      .finally(() => running.delete(id));
    running.set(id, run);
  }
  return run;
}

/**
 * At start and every `intervalMs` (an unref'd timer): picks up every unfinished reassignment, so
 * one a crash or a lost connection interrupted goes on once its items' leases have run out.
 */
export function startReassignmentResumer(deps: () => Promise<RunDeps>, intervalMs = 10_000): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const pass = async () => {
    try {
      const resolved = await deps();
      for (const id of await unfinishedReassignments(resolved.db)) void startRun(resolved, id);
    } catch (error) {
      log.warn({ err: error }, "looking for unfinished reassignments failed");
    }
    if (!stopped) {
      timer = setTimeout(() => void pass(), intervalMs);
      timer.unref?.();
    }
  };
  void pass();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
