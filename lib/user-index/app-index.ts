import "server-only";
import { env } from "@/lib/env";
import { appDeps } from "@/lib/offboarding/deps";
import { type IndexRunner, startIndexRunner } from "./runner";

/**
 * The server's index runner, started once from instrumentation.ts and kept on globalThis so route
 * handlers in any bundle find it (to refresh on demand).
 */
const key = Symbol.for("wf-offboard.user-index.runner");
const holder = globalThis as typeof globalThis & { [key]?: IndexRunner };

export function startAppIndex(): IndexRunner {
  return (holder[key] ??= startIndexRunner({ deps: appDeps, everyMs: env().USER_INDEX_REFRESH_MS }));
}

/** The running index runner, if this process started one. */
export function appIndex(): IndexRunner | undefined {
  return holder[key];
}
