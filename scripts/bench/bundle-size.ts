import { existsSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { z } from "zod";
import { startEmulator } from "../../emulator";
import type { BenchReport, BenchRow, Benchmark } from "./registry";
import { round } from "./stats";
import { type BuildInfo, PROJECT_DIR, ensureBuild, readBuildId, signIn, startApp } from "./users-route-app";

/**
 * First Load JS of the dashboard's pages from the production build. Next 16 with Turbopack no
 * longer prints it, so we add it up ourselves: the chunks `.next/diagnostics/route-bundle-stats.json`
 * lists for a route (checked against the `<script src>` tags of the page `next start` serves),
 * each gzipped with node:zlib at level 9, as the figure Next used to print was.
 */
export const BUNDLE_ROUTES = ["/users", "/sign-in", "/audit"] as const;
/** Issue 3's budget: /users First Load JS at most 200 kB gzipped (1 kB = 1000 bytes). */
export const BUNDLE_BUDGET = { route: "/users", gzipKb: 200 } as const;
const GOAL_ROUTE = BUNDLE_BUDGET.route;
const GOAL_KB = BUNDLE_BUDGET.gzipKb;
const VIEWER = { email: "viewer@demo.local", password: "demo-viewer-password" };

const routeStatsSchema = z.array(
  z.object({
    route: z.string(),
    firstLoadUncompressedJsBytes: z.number().int().nonnegative(),
    firstLoadChunkPaths: z.array(z.string()),
  }),
);
export type RouteStats = z.infer<typeof routeStatsSchema>;

export function readRouteStats(dir = PROJECT_DIR): RouteStats {
  const path = join(dir, ".next", "diagnostics", "route-bundle-stats.json");
  if (!existsSync(path)) throw new Error(`${path} is missing: is this a Next 16 build?`);
  const parsed = routeStatsSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    throw new Error(
      `route-bundle-stats.json has a shape this benchmark does not know: ${parsed.error.message.slice(0, 500)}`,
    );
  }
  return parsed.data;
}

/** The external, non-`nomodule` script URLs of an HTML page, in document order. */
export function scriptSources(html: string): string[] {
  const sources: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    if (/\bnomodule\b/i.test(tag)) continue;
    const src = /\bsrc=(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const value = src?.[1] ?? src?.[2];
    if (value) sources.push(value.replace(/&amp;/g, "&"));
  }
  return sources;
}

/** `/_next/static/chunks/a.js?dpl=…` and `.next/static/chunks/a.js` both become `static/chunks/a.js`. */
export function chunkKey(path: string): string {
  return path.replace(/[?#].*$/, "").replace(/^\/?(_next|\.next)\//, "");
}

export interface ChunkSize {
  path: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export function chunkSize(dir: string, key: string): ChunkSize {
  const bytes = readFileSync(join(dir, ".next", key));
  return {
    path: key,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/**
 * Which part of the app first asks for each chunk: Next's runtime (every page), then each layout
 * and page of the route, from the build manifest and the page's client reference manifest.
 */
function chunkOrigins(dir: string, route: string): Map<string, string> {
  const origins = new Map<string, string>();
  const next = join(dir, ".next");
  const build = JSON.parse(readFileSync(join(next, "build-manifest.json"), "utf8")) as {
    rootMainFiles?: string[];
  };
  for (const file of build.rootMainFiles ?? [])
    origins.set(chunkKey(file), "Next.js runtime and React (every page)");
  const appPaths = JSON.parse(readFileSync(join(next, "app-path-routes-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  const appPath = Object.keys(appPaths).find((key) => appPaths[key] === route && key.endsWith("/page"));
  const manifestPath = appPath && join(next, "server", "app", `${appPath}_client-reference-manifest.js`);
  if (!manifestPath || !existsSync(manifestPath)) return origins;
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  runInNewContext(readFileSync(manifestPath, "utf8"), sandbox);
  const entries = sandbox.__RSC_MANIFEST?.[appPath]?.entryJSFiles ?? {};
  // Layouts from the root down, then the page, then Next's built-ins: a chunk belongs to the first that needs it.
  const rank = (segment: string) => [
    segment.includes("/node_modules/") ? 2 : segment.endsWith("/page") ? 1 : 0,
    segment.split("/").length,
  ];
  const segments = Object.keys(entries).sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0]! - rb[0]! || ra[1]! - rb[1]!;
  });
  for (const segment of segments) {
    const label = segment
      .replace(/^\[project\]\//, "")
      .replace(/^node_modules\/next\/dist\/client\/components\/builtin\//, "next: ");
    for (const file of entries[segment] ?? [])
      if (!origins.has(chunkKey(file))) origins.set(chunkKey(file), label);
  }
  return origins;
}

/** A few strings that survive minification and name what a chunk holds. */
const MARKERS: [RegExp, string][] = [
  [/react-dom/, "react-dom"],
  [/getCoreRowModel/, "@tanstack/react-table"],
  [/queryKey/, "@tanstack/react-query"],
  [/data-radix|Radix/, "@radix-ui"],
  [/next-auth/, "next-auth"],
  [/data-sonner/, "sonner"],
  [/lucide/, "lucide-react"],
];

function contents(dir: string, key: string): string {
  const text = readFileSync(join(dir, ".next", key), "utf8");
  return MARKERS.filter(([pattern]) => pattern.test(text))
    .map(([, name]) => name)
    .join(", ");
}

/** Bytes on the wire when `next start` serves a file gzipped (its default compression). */
function servedBytes(url: string): Promise<{ bytes: number; encoding: string | null }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { "accept-encoding": "gzip" } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => {
        if (response.statusCode !== 200) reject(new Error(`${url} answered ${response.statusCode}`));
        else
          resolve({ bytes, encoding: (response.headers["content-encoding"] as string | undefined) ?? null });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

/** The gzip -9 bytes of a route's First Load JS, from the build's own stats (no server needed). */
export function firstLoadGzipBytes(route: string, dir = PROJECT_DIR): number {
  const entry = readRouteStats(dir).find((candidate) => candidate.route === route);
  if (!entry) throw new Error(`route-bundle-stats.json has no ${route}`);
  return entry.firstLoadChunkPaths.reduce((total, path) => total + chunkSize(dir, chunkKey(path)).gzip, 0);
}

export interface RouteBundle {
  route: string;
  chunks: ChunkSize[];
  raw: number;
  gzip: number;
  brotli: number;
  /** What route-bundle-stats.json says, to check our sum against. */
  reportedRaw: number;
  /** Script URLs in the served HTML that are not in the stats, and the other way round. */
  onlyInHtml: string[];
  onlyInStats: string[];
  /** Bytes `next start` sent for the chunks with `Accept-Encoding: gzip`; null if one is missing. */
  served: number | null;
  /** How many of those it sent uncompressed (it skips files under 1 kB). */
  servedPlain: number;
  /** JS chunks Chromium fetched on a first visit beyond these (loaded after hydration); null without a browser. */
  afterHydration: ChunkSize[] | null;
  /** First Load chunks Chromium did not fetch (should be none). */
  notFetched: string[];
}

export interface BundleSizeResult {
  routes: RouteBundle[];
  origins: Map<string, string>;
  build: BuildInfo;
  /** Why there are no browser figures, when there are none. */
  browserSkipped?: string;
}

function cookiePairs(header: string): { name: string; value: string }[] {
  return header
    .split(";")
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1) }));
}

/**
 * The JS chunks a real Chromium fetches on a first visit (fresh cache, until the network is idle),
 * which adds what loads after hydration (`next/dynamic`, `lazy`) to the First Load JS. Uses
 * Debian's Chromium like the end-to-end tests (CHROMIUM_PATH), else Playwright's own.
 */
async function browserFirstVisits(
  appUrl: string,
  cookie: string,
  routes: readonly string[],
): Promise<Map<string, string[]> | string> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({
      executablePath: existsSync(executablePath) ? executablePath : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
      ],
    });
  } catch (error) {
    return `Chromium did not start (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
  }
  try {
    const visits = new Map<string, string[]>();
    for (const route of routes) {
      const context = await browser.newContext();
      if (route !== "/sign-in") {
        await context.addCookies(cookiePairs(cookie).map((pair) => ({ ...pair, url: appUrl })));
      }
      const page = await context.newPage();
      const fetched = new Set<string>();
      page.on("response", (response) => {
        const { pathname } = new URL(response.url());
        if (pathname.startsWith("/_next/static/") && pathname.endsWith(".js"))
          fetched.add(chunkKey(pathname));
      });
      const response = await page.goto(`${appUrl}${route}`, { waitUntil: "networkidle" });
      if (new URL(page.url()).pathname !== route || !response?.ok()) {
        throw new Error(`Chromium did not stay on ${route} (at ${page.url()}, ${response?.status()})`);
      }
      await page.waitForTimeout(500);
      visits.set(route, [...fetched]);
      await context.close();
    }
    return visits;
  } finally {
    await browser.close();
  }
}

/** The HTML of each route as `next start` serves it (the dashboard's pages signed in as the viewer). */
async function servedPages(routes: readonly string[]): Promise<{
  html: Map<string, string>;
  served: Map<string, { bytes: number; encoding: string | null }>;
  browser: Map<string, string[]> | string;
}> {
  const emulator = await startEmulator({
    port: 0,
    users: 500,
    quiet: true,
    latencyMs: 0,
    maxInFlight: 0,
    // fidelity: until the client stops using /batch
    batch: true,
    // fidelity: until the client reads integer possibleValues in USER metadata
    stringEnumsOnly: true,
  });
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    app = await startApp({ workfrontUrl: emulator.url, workfrontApiKey: emulator.apiKey });
    const cookie = await signIn(app.url, VIEWER.email, VIEWER.password);
    const html = new Map<string, string>();
    const served = new Map<string, { bytes: number; encoding: string | null }>();
    for (const route of routes) {
      // /sign-in is what a signed-out visitor sees; the others need the session.
      const response = await fetch(`${app.url}${route}`, {
        headers: route === "/sign-in" ? {} : { cookie },
        redirect: "manual",
      });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`GET ${route} answered ${response.status}`);
      html.set(route, text);
      for (const src of scriptSources(text)) {
        if (served.has(chunkKey(src))) continue;
        served.set(chunkKey(src), await servedBytes(new URL(src, app.url).toString()));
      }
    }
    const browser = await browserFirstVisits(app.url, cookie, routes);
    return { html, served, browser };
  } finally {
    await app?.stop();
    await emulator.close();
  }
}

export async function benchBundleSize(dir = PROJECT_DIR, rebuildIfStale = true): Promise<BundleSizeResult> {
  const build = await ensureBuild({ rebuildIfStale, dir });
  const stats = readRouteStats(dir);
  const { html, served, browser } = await servedPages(BUNDLE_ROUTES);
  if (readBuildId(dir) !== build.buildId)
    throw new Error("Someone rebuilt .next during the run. Run it again.");
  const sizes = new Map<string, ChunkSize>();
  const routes = BUNDLE_ROUTES.map((route): RouteBundle => {
    const entry = stats.find((candidate) => candidate.route === route);
    if (!entry)
      throw new Error(
        `route-bundle-stats.json has no ${route} (it has ${stats.map((s) => s.route).join(", ")})`,
      );
    const keys = entry.firstLoadChunkPaths.map(chunkKey);
    const chunks = keys.map((key) => sizes.get(key) ?? sizes.set(key, chunkSize(dir, key)).get(key)!);
    const fromHtml = scriptSources(html.get(route) ?? "").map(chunkKey);
    const sum = (pick: (chunk: ChunkSize) => number) =>
      chunks.reduce((total, chunk) => total + pick(chunk), 0);
    const servedSizes = keys.map((key) => served.get(key));
    const size = (key: string) => sizes.get(key) ?? sizes.set(key, chunkSize(dir, key)).get(key)!;
    const visited = typeof browser === "string" ? null : (browser.get(route) ?? []);
    return {
      route,
      chunks,
      raw: sum((chunk) => chunk.raw),
      gzip: sum((chunk) => chunk.gzip),
      brotli: sum((chunk) => chunk.brotli),
      reportedRaw: entry.firstLoadUncompressedJsBytes,
      onlyInHtml: fromHtml.filter((key) => !keys.includes(key)),
      onlyInStats: keys.filter((key) => !fromHtml.includes(key)),
      servedPlain: servedSizes.filter((size) => size && size.encoding !== "gzip").length,
      served: servedSizes.every((size) => size !== undefined)
        ? servedSizes.reduce<number>((sum, size) => sum + (size?.bytes ?? 0), 0)
        : null,
      afterHydration: visited && visited.filter((key) => !keys.includes(key)).map(size),
      notFetched: visited ? keys.filter((key) => !visited.includes(key)) : [],
    };
  });
  return {
    routes,
    origins: chunkOrigins(dir, GOAL_ROUTE),
    build,
    browserSkipped: typeof browser === "string" ? browser : undefined,
  };
}

const kB = (bytes: number) => round(bytes / 1000, 1);
const kBText = (bytes: number) => `${kB(bytes)} kB`;

export const bundleSizeBenchmark: Benchmark = {
  id: "bundle-size",
  title: "First Load JS of /users",
  description:
    "The JavaScript a browser downloads on a first visit to `/users` (and `/sign-in`, `/audit` for comparison) from " +
    "the production build (`next build`, Turbopack): the chunks `.next/diagnostics/route-bundle-stats.json` lists " +
    "for the route, checked against the page's `<script src>` tags, each gzipped with node:zlib at level 9 " +
    "(1 kB = 1000 bytes). Goal (issue 3): at most 200 kB gzipped for /users.",
  async run(): Promise<BenchReport> {
    const result = await benchBundleSize();
    const users = result.routes.find((route) => route.route === GOAL_ROUTE)!;
    const rows: BenchRow[] = [
      {
        metric: "/users First Load JS, gzip",
        value: kB(users.gzip),
        unit: "kB",
        goal: { op: "<=", value: GOAL_KB },
      },
      { metric: "/users First Load JS, uncompressed", value: kB(users.raw), unit: "kB" },
      { metric: "/users First Load JS, brotli", value: kB(users.brotli), unit: "kB" },
      ...result.routes
        .filter((route) => route.route !== GOAL_ROUTE)
        .map((route): BenchRow => ({
          metric: `${route.route} First Load JS, gzip`,
          value: kB(route.gzip),
          unit: "kB",
        })),
    ];
    const lateGzip = (route: RouteBundle) => (route.afterHydration ?? []).reduce((sum, c) => sum + c.gzip, 0);
    if (users.afterHydration) {
      rows.push({
        metric: "/users all JS Chromium fetched on a first visit (with what loads after hydration), gzip",
        value: kB(users.gzip + lateGzip(users)),
        unit: "kB",
      });
    }
    const shared = (key: string) =>
      result.routes
        .filter((route) => route.route !== GOAL_ROUTE && route.chunks.some((chunk) => chunk.path === key))
        .map((route) => route.route)
        .join(", ") || "only /users";
    const mismatches = result.routes.filter(
      (route) => route.onlyInHtml.length > 0 || route.onlyInStats.length > 0,
    );
    const build = result.build.built
      ? `built by this run in ${round((result.build.buildMs ?? 0) / 1000)} s, because ${result.build.reason}`
      : result.build.reason;
    return {
      rows,
      tables: [
        {
          caption: "Per route:",
          columns: [
            "route",
            "chunks",
            "uncompressed",
            "gzip -9",
            "brotli",
            "sent by next start (gzip)",
            "+ after hydration, gzip -9 (Chromium)",
          ],
          rows: result.routes.map((route) => [
            route.route,
            String(route.chunks.length),
            kBText(route.raw),
            kBText(route.gzip),
            kBText(route.brotli),
            route.served === null
              ? "?"
              : kBText(route.served) +
                (route.servedPlain ? ` (${route.servedPlain} tiny chunk(s) not gzipped)` : ""),
            route.afterHydration === null
              ? "—"
              : route.afterHydration.length === 0
                ? "none"
                : `${kBText(lateGzip(route))} in ${route.afterHydration.length} chunk(s)`,
          ]),
        },
        {
          caption: "The chunks of /users, biggest (gzip) first:",
          columns: [
            "chunk",
            "uncompressed",
            "gzip -9",
            "first needed by",
            "holds (string markers)",
            "also loaded by",
          ],
          rows: [...users.chunks]
            .sort((a, b) => b.gzip - a.gzip)
            .map((chunk) => [
              `\`${chunk.path.replace(/^static\/chunks\//, "")}\``,
              kBText(chunk.raw),
              kBText(chunk.gzip),
              result.origins.get(chunk.path) ?? "?",
              contents(PROJECT_DIR, chunk.path) || "—",
              shared(chunk.path),
            ]),
        },
      ],
      notes: [
        `Build: ${build}; BUILD_ID \`${result.build.buildId}\`.`,
        mismatches.length === 0
          ? "The chunk lists of route-bundle-stats.json equal the external `<script src>` tags of each page as `next start` serves it " +
            "(/users and /audit signed in as the viewer, /sign-in signed out), and their uncompressed sums equal its `firstLoadUncompressedJsBytes`" +
            (result.routes.every((route) => route.raw === route.reportedRaw)
              ? "."
              : " **except where noted below**.")
          : `The served HTML and route-bundle-stats.json disagree: ${mismatches
              .map(
                (route) =>
                  `${route.route}: only in HTML ${route.onlyInHtml.join(" ") || "—"}, only in stats ${route.onlyInStats.join(" ") || "—"}`,
              )
              .join("; ")}.`,
        ...result.routes
          .filter((route) => route.raw !== route.reportedRaw)
          .map(
            (route) =>
              `${route.route}: our uncompressed sum ${route.raw} B, route-bundle-stats.json ${route.reportedRaw} B.`,
          ),
        "Not counted: the HTML itself and its inline React Server Components payload (`self.__next_f.push`), CSS, the `nomodule` polyfills " +
          "(modern browsers skip them), and chunks loaded after hydration or on demand (e.g. the deactivate dialog's, loaded when it opens).",
        result.browserSkipped
          ? `No browser figures: ${result.browserSkipped}.`
          : '"+ after hydration": a fresh Chromium (no cache) opened each page and waited for the network to go idle; these are the JS ' +
            "chunks it fetched beyond the First Load JS (`next/dynamic` and `lazy` imports that load right after the page, not on a click)" +
            (users.afterHydration?.length
              ? `. For /users: ${users.afterHydration
                  .map(
                    (chunk) =>
                      `\`${chunk.path.replace(/^static\/chunks\//, "")}\` ${kBText(chunk.gzip)}` +
                      (contents(PROJECT_DIR, chunk.path) ? ` (${contents(PROJECT_DIR, chunk.path)})` : ""),
                  )
                  .join(", ")}.`
              : ".") +
            (result.routes.some((route) => route.notFetched.length > 0)
              ? ` Chromium did not fetch some First Load chunks: ${result.routes
                  .filter((route) => route.notFetched.length > 0)
                  .map((route) => `${route.route} ${route.notFetched.join(" ")}`)
                  .join("; ")}.`
              : " It fetched every First Load chunk of each page."),
        '"sent by next start" is the bytes `next start` sent for those chunks when asked with `Accept-Encoding: gzip` (its built-in ' +
          "compression, zlib's default level; files under 1 kB go uncompressed).",
        '"first needed by": the build manifest\'s root files (every page), else the first layout or page of the route whose client entry lists the chunk; ' +
          '"holds" is a hint from strings that survive minification, not an inventory.',
      ],
    };
  },
};
