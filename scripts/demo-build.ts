import { spawnSync } from "node:child_process";
import { readBuildId, sourcesNewerThanBuild } from "./production-build";

/**
 * The demo serves a production build (`next start`): `next dev` alone holds about 750 MiB while it
 * compiles, more than the whole demo may use (README, Choices). The build is made when there is
 * none or when a source file changed since; `npm run dev` stays the way to work with hot reload.
 */
export function ensureProductionBuild(root: string, env: NodeJS.ProcessEnv): void {
  const stale = sourcesNewerThanBuild(root);
  if (readBuildId(root) !== null && stale.length === 0) return;
  console.log(
    readBuildId(root) === null
      ? "Building the app for the demo (a few minutes, once)…"
      : `Building the app for the demo again: ${stale.slice(0, 3).join(", ")}${stale.length > 3 ? ", …" : ""} changed…`,
  );
  const result = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}
