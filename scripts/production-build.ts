import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Whether `.next` holds a production build of the current sources: `npm run demo` serves one
 * (scripts/demo-build.ts) and the benchmarks start one (scripts/bench/users-route-app.ts).
 */
/** Sources a production build depends on (tests and end-to-end specs are not). */
const SOURCE_DIRS = ["app", "components", "lib", "hooks", "public", "styles"];
const SOURCE_FILES = [
  "next.config.js",
  "next.config.mjs",
  "next.config.ts",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
  "tailwind.config.ts",
  "instrumentation.ts",
  "proxy.ts",
  "middleware.ts",
];
// Code, styles and data the bundler reads (not docs, not SQL read at run time), and under public/
// anything; but not tests, nor test helpers by this repository's naming (lib/test/, test-support.ts).
const A_SOURCE = /\.([cm]?[tj]sx?|css|json)$|(^|\/)public\//;
const NOT_A_SOURCE = /\.(test|spec)\.[cm]?[tj]sx?$|\/test(-[^/]*\.[cm]?[tj]sx?|\/)/;

/** Source files changed after the build in `.next` was made, newest first. */
export function sourcesNewerThanBuild(dir: string): string[] {
  const buildIdPath = join(dir, ".next", "BUILD_ID");
  if (!existsSync(buildIdPath)) return [];
  const builtAt = statSync(buildIdPath).mtimeMs;
  const newer: { path: string; at: number }[] = [];
  const visit = (path: string) => {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return;
    }
    if (stats.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== "node_modules") visit(join(path, name));
    } else if (stats.mtimeMs > builtAt && A_SOURCE.test(relative(dir, path)) && !NOT_A_SOURCE.test(path)) {
      newer.push({ path: relative(dir, path), at: stats.mtimeMs });
    }
  };
  for (const name of [...SOURCE_DIRS, ...SOURCE_FILES]) visit(join(dir, name));
  return newer.sort((a, b) => b.at - a.at).map((file) => file.path);
}

export function readBuildId(dir: string): string | null {
  const path = join(dir, ".next", "BUILD_ID");
  return existsSync(path) ? readFileSync(path, "utf8").trim() : null;
}

